# bastion-fixture: app/views.py
# ok: like-leading-wildcard
from app.models import Product

def search(q):
    return Product.objects.filter(name__istartswith=q, tags__contains=[q])

# bastion-fixture: app/views.py
from app.models import Product

def search(q):
# expect: like-leading-wildcard
    return Product.objects.filter(name__icontains=q)

# bastion-fixture: app/search.py
# ok: like-leading-wildcard
from sqlalchemy import select

def search(session, q):
    return session.scalars(select(Product).where(Product.name.like(q + "%")))

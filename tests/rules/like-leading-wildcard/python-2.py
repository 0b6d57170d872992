# bastion-fixture: app/search.py
from sqlalchemy import select

def search(session, q):
# expect: like-leading-wildcard
    return session.scalars(select(Product).where(Product.name.ilike(f"%{q}%")))

# bastion-fixture: app/api/products.py
# ok: unbounded-list-query
from fastapi import APIRouter

router = APIRouter()

@router.get("/products")
def products(limit: int = 50, session: Session = Depends(db)) -> list:
    return session.query(Product).order_by(Product.id).limit(limit).all()

@router.get("/products/{product_id}")
def product(product_id: int, session: Session = Depends(db)) -> dict:
    return session.query(Product).all()

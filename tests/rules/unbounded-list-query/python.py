# bastion-fixture: app/api/products.py
from fastapi import APIRouter

router = APIRouter()

@router.get("/products")
def products(session: Session = Depends(db)) -> list[ProductOut]:
# expect: unbounded-list-query
    return session.query(Product).order_by(Product.id).all()

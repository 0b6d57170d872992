# bastion-fixture: app/api/items.py
# ok: post-create-without-201
from fastapi import APIRouter

router = APIRouter()

@router.post("/items", status_code=201)
def create(item: ItemIn, session: Session = Depends(db)) -> Item:
    session.add(Item(**item.model_dump()))
    session.commit()

@router.post("/search")
def search(q: Query) -> list:
    return []

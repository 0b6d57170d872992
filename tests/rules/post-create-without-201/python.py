# bastion-fixture: app/api/items.py
from fastapi import APIRouter

router = APIRouter()

# expect: post-create-without-201
@router.post("/items")
def create(item: ItemIn, session: Session = Depends(db)) -> Item:
    row = Item(**item.model_dump())
    session.add(row)
    session.commit()
    return row

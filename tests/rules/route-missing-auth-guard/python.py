# bastion-fixture: app/api/items.py
from fastapi import APIRouter, Depends
router = APIRouter()

@router.get("/items")
def list_items(user=Depends(get_current_user)):
    return []

@router.get("/items/{item_id}")
def get_item(item_id: int, user=Depends(get_current_user)):
    return {}

@router.delete("/items/{item_id}")
# expect: route-missing-auth-guard
def delete_item(item_id: int):
    return None

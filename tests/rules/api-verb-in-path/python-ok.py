# bastion-fixture: app/api/users.py
# ok: api-verb-in-path
from fastapi import APIRouter

router = APIRouter()

@router.get("/users/{user_id}")
async def get_user(user_id: int) -> dict:
    return {"id": user_id}

@router.get("/settings")
async def settings() -> dict:
    return {}

@router.get("/updates")
async def updates() -> list:
    return []

@router.post("/orders/{order_id}/cancel")
async def cancel(order_id: int) -> None:
    return None

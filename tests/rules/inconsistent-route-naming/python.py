# bastion-fixture: app/api/account.py
from fastapi import APIRouter

router = APIRouter()

@router.get("/payment_methods")
def methods() -> list:
    return []

@router.get("/order_items")
def items() -> list:
    return []

# expect: inconsistent-route-naming
@router.get("/user-profiles/{profile_id}")
def profile(profile_id: int) -> dict:
    return {}

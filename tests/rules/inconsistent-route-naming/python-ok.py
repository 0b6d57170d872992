# bastion-fixture: app/api/account.py
# ok: inconsistent-route-naming
from fastapi import APIRouter

router = APIRouter()

@router.get("/payment_methods")
def methods() -> list:
    return []

@router.get("/user-profiles/{profile_id}")
def profile(profile_id: int) -> dict:
    return {}

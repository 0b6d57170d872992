# bastion-fixture: app/api/users.py
from fastapi import APIRouter

router = APIRouter()

@router.get("/users/{user_id}")
def user(user_id: int) -> dict:
    found = find_user(user_id)
    if found is None:
# expect: error-with-status-200
        return {"error": "not found"}
    return found

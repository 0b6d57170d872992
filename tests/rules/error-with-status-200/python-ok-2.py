# bastion-fixture: app/api/users.py
# ok: error-with-status-200
from fastapi import APIRouter

router = APIRouter()

@router.get("/users/{user_id}")
def user(user_id: int) -> dict:
    found = find_user(user_id)
    if found is None:
        raise HTTPException(status_code=404, detail="not found")
    return {"user": found, "error": None}

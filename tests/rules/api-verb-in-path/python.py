# bastion-fixture: app/api/users.py
from fastapi import APIRouter

router = APIRouter()

# expect: api-verb-in-path
@router.get("/getUser/{user_id}")
async def get_user(user_id: int) -> dict:
    return {"id": user_id}

# expect: api-verb-in-path
@router.post("/users/delete/{user_id}")
async def delete_user(user_id: int) -> None:
    return None

# bastion-fixture: app/api/users.py
from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter(prefix="/users")


class UserIn(BaseModel):
    name: str
# expect: api-breaking-change
    nickname: str


class UserOut(BaseModel):
    id: int
    name: str
# expect: api-breaking-change


@router.post("", response_model=UserOut, status_code=201)
def create_user(user: UserIn) -> UserOut:
    return service.create(user)


# expect: api-breaking-change
@router.get("/{uid}", response_model=UserOut)
def read_user(uid: int) -> UserOut:
    return service.get(uid)

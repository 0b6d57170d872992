from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter(prefix="/users")


class UserIn(BaseModel):
    name: str
    nickname: str | None = None


class UserOut(BaseModel):
    id: int
    name: str
    email: str


@router.post("", response_model=UserOut, status_code=201)
def create_user(user: UserIn) -> UserOut:
    return service.create(user)


@router.get("/{user_id}", response_model=UserOut)
def read_user(user_id: int) -> UserOut:
    return service.get(user_id)

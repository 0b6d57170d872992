# bastion-fixture: app/api/previews.py
# An httpx client opened with `async with`, asked for the address the caller sent.
import httpx
from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter()


class PreviewIn(BaseModel):
    url: str


@router.post("/previews")
async def create_preview(body: PreviewIn):
    async with httpx.AsyncClient(timeout=5) as client:
# expect: ssrf
        response = await client.get(body.url)
    return {"status": response.status_code, "length": len(response.content)}

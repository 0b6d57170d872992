# bastion-fixture: app/api/hooks.py
# A module-level httpx client sends a request to the address the caller posted.
import httpx
from fastapi import APIRouter

router = APIRouter()
http = httpx.Client(timeout=5)


@router.post("/hooks/test")
def test_hook(url: str):
# expect: ssrf
    response = http.post(url, json={"ping": True})
    return {"status": response.status_code}

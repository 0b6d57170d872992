# bastion-fixture: app/api/previews.py
# The client has a fixed base address; the input only picks a path below it. Flask's
# `session.get(key)` is a lookup, not a request.
import httpx
from fastapi import APIRouter
from flask import request, session

router = APIRouter()


@router.get("/articles/{slug}")
async def article(slug: str):
    async with httpx.AsyncClient(base_url="https://cms.internal.example", timeout=5) as client:
# ok: ssrf
        response = await client.get(f"/articles/{slug}")
    return response.json()


def preference():
    return session.get(request.args.get("key", "theme"))

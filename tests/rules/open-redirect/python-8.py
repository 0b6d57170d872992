# bastion-fixture: app/handlers/auth.py
# aiohttp answers a redirect by raising it; the target comes from the posted JSON.
from aiohttp import web


async def after_login(request: web.Request) -> web.Response:
    payload = await request.json()
    target = payload.get("next", "/")
# expect: open-redirect
    raise web.HTTPFound(target)

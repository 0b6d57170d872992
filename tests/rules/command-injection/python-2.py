# bastion-fixture: app/handlers/tools.py
# aiohttp: a query value handed to a shell.
import subprocess

from aiohttp import web


async def lookup(request: web.Request) -> web.Response:
    host = request.query.get("host", "")
# expect: command-injection
    out = subprocess.check_output("dig +short " + host, shell=True)
    return web.Response(text=out.decode())

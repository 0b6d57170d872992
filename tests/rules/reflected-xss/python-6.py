# bastion-fixture: app/routes/profile.py
# Sanic: a query value written into an HTML answer.
from sanic import Blueprint
from sanic.response import html

bp = Blueprint("profile")


@bp.get("/profile")
async def profile(request):
    nick = request.args.get("nick", "")
# expect: reflected-xss
    return html(f"<p>Signed in as {nick}</p>")

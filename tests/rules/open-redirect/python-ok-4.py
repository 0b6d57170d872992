# bastion-fixture: app/auth/views.py
# ok: open-redirect
from flask import Blueprint, redirect, request, url_for

bp = Blueprint("auth", __name__)


@bp.post("/login")
def login():
    target = request.args.get("next", "")
    # A path of this site: one leading slash, and not `//host` (protocol-relative).
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect(url_for("home.index"))


@bp.get("/switch-org")
def switch_org():
    back = request.args.get("back", "")
    if not back.startswith("/") or back.startswith("//"):
        return redirect(url_for("home.index"))
    return redirect(back)

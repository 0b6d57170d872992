# bastion-fixture: app/auth/session_views.py
from flask import Blueprint, redirect, request

bp = Blueprint("session", __name__)


@bp.get("/logout")
def logout():
    target = request.args.get("next", "/")
    # `//evil.example` starts with one slash too: this check keeps nothing on our host.
    if not target.startswith("/"):
        target = "/"
    # expect: open-redirect
    return redirect(target)

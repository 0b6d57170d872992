# bastion-fixture: app/views/login.py
# ok: cookie-insecure
from flask import make_response


def login_done(token):
    resp = make_response("ok")
    resp.set_cookie("session_token", token, secure=True, httponly=True, samesite="Lax")
    resp.set_cookie("theme", "dark")
    return resp

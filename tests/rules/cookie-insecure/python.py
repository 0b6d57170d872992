# bastion-fixture: app/views/login.py
from flask import make_response


def login_done(token):
    resp = make_response("ok")
# expect: cookie-insecure
    resp.set_cookie("session_token", token, httponly=True)
    return resp

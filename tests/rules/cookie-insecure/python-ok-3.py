# bastion-fixture: app/views/csrf.py
# ok: cookie-insecure
from flask import make_response

CSRF_COOKIE_HTTPONLY = False


def issue_csrf(token):
    resp = make_response("ok")
    resp.set_cookie("csrftoken", token, secure=True, samesite="Strict")
    resp.set_cookie("XSRF-TOKEN", token, secure=True)
    return resp

# bastion-fixture: app/views/auth.py
# ok: cookie-insecure
from flask import make_response


def raw_session(sid):
    resp = make_response("ok")
    resp.headers["Set-Cookie"] = f"session={sid}; Path=/; Secure; HttpOnly"
    return resp


def raw_theme(theme):
    resp = make_response("ok")
    resp.headers["Set-Cookie"] = "theme=" + theme + "; Path=/"
    return resp


def built_elsewhere(cookie_text):
    resp = make_response("ok")
    resp.headers["Set-Cookie"] = cookie_text
    return resp


def signed_secure(response, value):
    response.set_signed_cookie("auth_hint", value, secure=True, httponly=True)
    return response

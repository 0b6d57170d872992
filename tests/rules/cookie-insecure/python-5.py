# bastion-fixture: app/views/auth.py
from django.http import HttpResponse
from flask import make_response


def remember(request):
    response = HttpResponse("ok")
# expect: cookie-insecure
    response.set_signed_cookie("auth_hint", request.user.username)
    return response


def raw_session(sid):
    resp = make_response("ok")
# expect: cookie-insecure
    resp.headers["Set-Cookie"] = "session=" + sid + "; Path=/; HttpOnly"
    return resp

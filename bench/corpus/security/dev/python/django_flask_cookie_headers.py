"""Cookies and session entries set by hand in Django and Flask views."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from flask import Flask, make_response, request as freq

app = Flask(__name__)


def d1(request):
    request.session["cart_note"] = request.POST.get("note", "")  # vuln: CWE-501
    return JsonResponse({})


def d2(request):
    request.session.update({"coupon": request.GET.get("coupon")})  # vuln: CWE-501
    return JsonResponse({})


def d3(request):
    request.session["last_seen"] = request.user.pk  # safe: CWE-501
    return JsonResponse({})


def d4(request):
    response = HttpResponse("ok")
    response.set_cookie("sessionid_backup", request.COOKIES.get("sessionid"), secure=settings.SESSION_COOKIE_SECURE, httponly=True)  # safe: CWE-614
    return response


def d5(request):
    response = HttpResponse("ok")
    response.set_signed_cookie("auth_hint", "1")  # vuln: CWE-614
    return response


@app.get("/f1")
def f1():
    resp = make_response("ok")
    resp.headers["Set-Cookie"] = "session=" + new_sid() + "; Path=/; HttpOnly"  # vuln: CWE-614
    return resp


@app.get("/f2")
def f2():
    resp = make_response("ok")
    resp.headers["Set-Cookie"] = f"session={new_sid()}; Path=/; Secure; HttpOnly"  # safe: CWE-614
    return resp


@app.get("/f3")
def f3():
    resp = make_response("ok")
    resp.set_cookie("token", new_sid(), secure=True, httponly=True, samesite="Strict")  # safe: CWE-614
    resp.set_cookie("lang", freq.args.get("lang", "en"))  # safe: CWE-614
    resp.set_cookie("user", freq.args.get("user", ""), httponly=True)  # vuln: CWE-614
    return resp


def new_sid(): ...

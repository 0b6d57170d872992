"""Account views."""

import random
import subprocess

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.crypto import get_random_string

SESSION_COOKIE_SECURE = False  # vuln: CWE-614
SESSION_COOKIE_HTTPONLY = False  # vuln: CWE-1004
CSRF_COOKIE_SECURE = True  # safe: CWE-614


def remember(request):
    response = HttpResponse("ok")
    response.set_cookie("remember_me", request.POST.get("token", ""))  # vuln: CWE-614
    return response


def remember_safe(request):
    response = JsonResponse({"ok": True})
    response.set_cookie("prefs", "compact", secure=True, httponly=True)  # safe: CWE-614
    return response


def set_tz(request):
    request.session["tz"] = request.GET["tz"]  # vuln: CWE-501
    return redirect("/")


def reset_code(request):
    code = str(random.randrange(10**6)).zfill(6)  # vuln: CWE-330
    request.session["reset"] = code
    return JsonResponse({"sent": True})


def reset_code_safe(request):
    code = get_random_string(6, allowed_chars="0123456789")  # safe: CWE-330
    request.session["reset"] = code
    return JsonResponse({"sent": True})


def convert(request):
    fmt = request.POST.get("fmt", "pdf")
    src = request.POST.get("src", "")
    subprocess.run("convert %s out.%s" % (src, fmt), shell=True)  # vuln: CWE-78
    return JsonResponse({"ok": True})


def calc(request):
    data = request.body.decode()
    result = eval(compile(data, "<calc>", "eval"))  # vuln: CWE-95
    return JsonResponse({"r": result})

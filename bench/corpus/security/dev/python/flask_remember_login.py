"""Login helpers for a small Flask intranet app: remember-me cookies, one-time codes."""
import random
import secrets
import string

from flask import Blueprint, current_app, jsonify, make_response, request, session

bp = Blueprint("auth", __name__)
_sysrand = random.SystemRandom()


def _set_remember_cookie(resp, token_value):
    resp.set_cookie(
        "remember_me",
        token_value,
        max_age=current_app.config.get("REMEMBER_DAYS", 30) * 86400,
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return resp


def _store_login(user_id, value):
    session["uid"] = user_id  # safe: CWE-501
    session["login_nonce"] = value


class OneTimeCodes:
    def __init__(self, digits=6):
        self.digits = digits

    def issue(self):
        return "".join(str(random.randint(0, 9)) for _ in range(self.digits))

    def issue_strong(self):
        return "".join(str(secrets.randbelow(10)) for _ in range(self.digits))  # safe: CWE-330


@bp.post("/login")
def login():
    user = authenticate(request.form["email"], request.form["password"])
    if user is None:
        return jsonify(error="bad credentials"), 401
    resp = make_response(jsonify(ok=True))
    if request.form.get("remember") == "on":
        value = "%032x" % random.getrandbits(128)  # vuln: CWE-330
        save_remember_digest(user.id, value)
        _set_remember_cookie(resp, value)
    return resp


@bp.post("/login/sso")
def login_sso():
    user = sso_user(request.headers.get("X-Forwarded-User", ""))
    _store_login(user.id, random.random())  # vuln: CWE-330
    return jsonify(ok=True)


@bp.post("/login/strong")
def login_strong():
    user = authenticate(request.form["email"], request.form["password"])
    resp = make_response(jsonify(ok=True))
    value = "%032x" % _sysrand.getrandbits(128)  # safe: CWE-330
    save_remember_digest(user.id, value)
    _set_remember_cookie(resp, value)
    _store_login(user.id, secrets.token_hex(16))  # safe: CWE-330
    return resp


@bp.post("/login/code")
def send_code():
    codes = OneTimeCodes()
    otp = codes.issue()  # vuln: CWE-330
    deliver_sms(request.form["phone"], otp)
    return jsonify(sent=True)


@bp.get("/welcome")
def welcome():
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("banner_variant", random.choice(["a", "b"]), secure=True)  # safe: CWE-330
    resp.set_cookie("ab_bucket", str(random.randint(0, 99)), secure=True)  # safe: CWE-330
    return resp


def _letters(n):
    chars = list(string.ascii_letters + string.digits)
    random.shuffle(chars)  # vuln: CWE-330
    temp_password = "".join(chars[:n])
    return temp_password

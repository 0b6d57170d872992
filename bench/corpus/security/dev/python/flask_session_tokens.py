"""Session, token and cookie handling."""

import random
import secrets
import string

from flask import Flask, make_response, request, session

app = Flask(__name__)
app.config["SESSION_COOKIE_SECURE"] = False  # vuln: CWE-614


@app.route("/prefs", methods=["POST"])
def prefs():
    session["theme"] = request.form["theme"]  # vuln: CWE-501
    return "ok"


@app.route("/login-as")
def login_as():
    session["user"] = request.args.get("user")  # vuln: CWE-501
    return "ok"


@app.route("/lang")
def lang():
    choice = request.args.get("lang", "en")
    if choice in ("en", "fr", "de"):
        session["lang"] = choice  # safe: CWE-501
    return "ok"


@app.route("/reset", methods=["POST"])
def reset():
    code = "".join(random.choice(string.digits) for _ in range(6))  # vuln: CWE-330
    session["reset_code"] = code
    return "sent"


@app.route("/reset-safe", methods=["POST"])
def reset_safe():
    code = "".join(secrets.choice(string.digits) for _ in range(6))  # safe: CWE-330
    session["reset_code"] = code
    return "sent"


@app.route("/token")
def token():
    value = str(random.getrandbits(64))  # vuln: CWE-330
    resp = make_response("ok")
    resp.set_cookie("remember", value)  # vuln: CWE-614
    return resp


@app.route("/token-safe")
def token_safe():
    value = secrets.token_urlsafe(32)
    resp = make_response("ok")
    resp.set_cookie("remember", value, secure=True, httponly=True, samesite="Lax")  # safe: CWE-614
    return resp


@app.route("/shuffle")
def shuffle():
    cards = list(range(52))
    random.shuffle(cards)  # safe: CWE-330
    return {"cards": cards}


@app.route("/sid")
def sid():
    session_id = "%016x" % random.randint(0, 2**64)  # vuln: CWE-330
    resp = make_response("ok")
    resp.set_cookie("sid", session_id, secure=True, httponly=False)  # vuln: CWE-1004
    return resp

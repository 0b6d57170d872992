"""Token helpers for the billing portal."""

import random
import secrets
import string
import time
from random import choice, randint

from flask import Flask, make_response, request, session

app = Flask(__name__)
app.config.update(SESSION_COOKIE_HTTPONLY=False)  # vuln: CWE-1004
app.config["SESSION_COOKIE_SECURE"] = True  # safe: CWE-614
ALPHABET = string.ascii_letters + string.digits


def generate_invite_code(length=10):
    return "".join(choice(ALPHABET) for _ in range(length))  # vuln: CWE-330


def generate_sku_suffix(length=4):
    return "".join(choice(ALPHABET) for _ in range(length))  # safe: CWE-330


class Tokens:
    def __init__(self):
        self.rng = random.Random()

    def api_secret(self):
        return "%x" % self.rng.getrandbits(128)  # vuln: CWE-330


@app.route("/visit")
def visit():
    resp = make_response("ok")
    resp.set_cookie("visitor", str(random.random()), httponly=True)  # vuln: CWE-330
    return resp


@app.route("/nonce")
def nonce():
    session["csrf_nonce"] = str(randint(0, 10**12))  # vuln: CWE-330
    return "ok"


@app.route("/pref")
def pref():
    resp = make_response("ok")
    resp.set_cookie("tz", request.args.get("tz", "UTC"), secure=True, httponly=True, samesite="Strict")  # safe: CWE-1004
    return resp


@app.route("/pref2")
def pref2():
    resp = make_response("ok")
    resp.set_cookie("sessionid", secrets.token_hex(16), httponly=True)  # vuln: CWE-614
    return resp


def backoff(attempt):
    return min(30, 2 ** attempt) + random.random()  # safe: CWE-330


def password_reset_pin():
    random.seed(time.time())
    return random.randint(1000, 9999)  # vuln: CWE-330

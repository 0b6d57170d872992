"""Token and sampling helpers."""

import random
import secrets
import string

import numpy as np
from flask import Flask, make_response, request

app = Flask(__name__)
app.secret_key = "".join(random.choice(string.printable) for _ in range(32))  # vuln: CWE-330


def make_session_id():
    return hex(random.getrandbits(128))[2:]  # vuln: CWE-330


def new_activation_key(user):
    key = str(np.random.randint(10**9, 10**10))  # vuln: CWE-330
    user.activation_key = key
    return key


def temp_password():
    pool = string.ascii_letters + string.digits
    return "".join(random.SystemRandom().choice(pool) for _ in range(12))  # safe: CWE-330


def pick_server(servers):
    return random.choice(servers)  # safe: CWE-330


def ab_bucket():
    return "A" if random.random() < 0.5 else "B"  # safe: CWE-330


def retry_delay(attempt):
    return random.randint(1, 2 ** attempt)  # safe: CWE-330


def fake_order_number():
    return f"ORD-{random.randint(100000, 999999)}"  # safe: CWE-330


def invite_token():
    return secrets.token_urlsafe(16)  # safe: CWE-330


@app.route("/lang")
def lang():
    resp = make_response("ok")
    resp.set_cookie("lang", "en", max_age=3600)
    return resp


@app.route("/auth")
def auth():
    resp = make_response("ok")
    resp.set_cookie("auth_token", secrets.token_hex(), secure=True, httponly=True)  # safe: CWE-614
    resp.set_cookie("csrftoken", secrets.token_hex(), secure=True, samesite="Strict")  # safe: CWE-614
    return resp


@app.route("/del")
def delete():
    resp = make_response("ok")
    resp.delete_cookie("auth_token")  # safe: CWE-614
    return resp

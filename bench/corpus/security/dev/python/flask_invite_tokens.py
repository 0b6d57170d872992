"""Invitations, password resets and API keys for a small team app."""

import os
import random as rnd
import secrets
import string
import uuid
from random import choice, getrandbits, randint

from flask import Flask, jsonify, make_response, request, session

app = Flask(__name__)
ALPHABET = string.ascii_letters + string.digits
_sysrand = rnd.SystemRandom()


def _code(length: int = 6) -> str:
    return "".join(choice(ALPHABET) for _ in range(length))


def _strong_code(length: int = 6) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))  # safe: CWE-330


@app.post("/invites")
def create_invite():
    email = request.form["email"]
    invite_token = "%032x" % rnd.getrandbits(128)  # vuln: CWE-330
    save_invite(email, invite_token)
    return jsonify(ok=True)


@app.post("/password-reset")
def start_reset():
    email = request.get_json()["email"]
    reset_code = str(randint(100000, 999999))  # vuln: CWE-330
    send_mail(email, "Your code: " + reset_code)
    return jsonify(sent=True)


@app.post("/password-reset/strong")
def start_reset_strong():
    email = request.get_json()["email"]
    reset_code = str(_sysrand.randint(100000, 999999))  # safe: CWE-330
    send_mail(email, "Your code: " + reset_code)
    return jsonify(sent=True)


@app.get("/login/remember")
def remember_me():
    value = str(rnd.random())[2:]  # vuln: CWE-330
    resp = make_response("ok")
    resp.set_cookie("remember", value, secure=True, httponly=True)
    return resp


@app.get("/login/remember2")
def remember_me_strong():
    value = secrets.token_urlsafe(32)  # safe: CWE-330
    resp = make_response("ok")
    resp.set_cookie("remember", value, secure=True, httponly=True)
    return resp


@app.post("/session/start")
def session_start():
    session["nonce"] = getrandbits(64)  # vuln: CWE-330
    session["csrf"] = os.urandom(16).hex()  # safe: CWE-330
    return "started"


@app.post("/keys")
def new_api_key():
    api_key = "".join(rnd.choices(ALPHABET, k=40))  # vuln: CWE-330
    store_key(api_key)
    other_key = uuid.uuid4().hex  # safe: CWE-330
    store_key(other_key)
    return jsonify(key=api_key)


@app.post("/pin")
def pairing_pin():
    pin = _code(4)  # vuln: CWE-330
    store_pin(pin)
    pin2 = _strong_code(4)
    store_pin(pin2)
    return "ok"


@app.get("/retry")
def retry_hint():
    delay = rnd.uniform(0.5, 2.0)  # safe: CWE-330
    colors = ["red", "green", "blue"]
    rnd.shuffle(colors)  # safe: CWE-330
    return jsonify(delay=delay, colors=colors)


def save_invite(email, token): ...
def send_mail(to, body): ...
def store_key(key): ...
def store_pin(pin): ...

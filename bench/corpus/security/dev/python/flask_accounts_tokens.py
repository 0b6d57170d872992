"""Account security: OTPs, captcha, device codes."""

import random
import secrets

import numpy as np
from flask import Flask, jsonify, make_response, request, session

app = Flask(__name__)
rng = random.Random()
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@app.post("/otp")
def send_otp():
    otp = rng.randint(100000, 999999)  # vuln: CWE-330
    deliver(request.form["phone"], otp)
    return jsonify(sent=True)


@app.post("/otp/strong")
def send_otp_strong():
    otp = secrets.randbelow(900000) + 100000  # safe: CWE-330
    deliver(request.form["phone"], otp)
    return jsonify(sent=True)


@app.get("/captcha")
def captcha():
    session["captcha"] = random.randint(1000, 9999)  # vuln: CWE-330
    return "ok"


@app.post("/device-code")
def device_code():
    device_code = "".join(random.sample(LETTERS, 8))  # vuln: CWE-330
    store(device_code)
    return jsonify(code=device_code)


@app.post("/temp-password")
def temp_password():
    temp_password = "".join(np.random.choice(list(LETTERS), 12))  # vuln: CWE-330
    store(temp_password)
    return "ok"


@app.post("/temp-password/strong")
def temp_password_strong():
    gen = random.SystemRandom()
    temp_password = "".join(gen.choice(LETTERS) for _ in range(12))  # safe: CWE-330
    store(temp_password)
    return "ok"


@app.get("/ab-test")
def ab_test():
    bucket = random.random() < 0.5  # safe: CWE-330
    resp = make_response(jsonify(variant="a" if bucket else "b"))
    return resp


@app.get("/tip")
def tip():
    tip_index = random.randrange(10)  # safe: CWE-330
    return jsonify(tip=tip_index)


@app.post("/login-cookie")
def login_cookie():
    sid = "%x" % random.getrandbits(96)  # vuln: CWE-330
    resp = make_response("ok")
    resp.set_cookie("sid", sid, secure=True, httponly=True)
    return resp


def deliver(phone, code): ...
def store(value): ...

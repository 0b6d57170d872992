# bastion-fixture: app/accounts/views.py
import random
import string

from flask import Flask, jsonify, make_response, request, session

app = Flask(__name__)


def _remember(resp, value):
    resp.set_cookie("remember", value, secure=True, httponly=True, samesite="Lax")
    return resp


class CodeMaker:
    def __init__(self, length=24):
        self.length = length

    def make(self):
        pool = string.ascii_letters + string.digits
        return "".join(random.choice(pool) for _ in range(self.length))


@app.post("/login")
def login():
# expect: insecure-random
    value = str(random.getrandbits(64))
    return _remember(make_response("ok"), value)


@app.post("/keys")
def create_key():
# expect: insecure-random
    api_key = CodeMaker().make()
    return jsonify(api_key=api_key)


@app.post("/invites")
def invite():
    letters = list(string.ascii_uppercase)
# expect: insecure-random
    random.shuffle(letters)
    invite_code = "".join(letters[:8])
    return jsonify(invite=invite_code)


@app.post("/device")
def device():
# expect: insecure-random
    value = "%x" % random.getrandbits(80)
    resp = make_response("ok")
    resp.headers["Set-Cookie"] = f"device={value}; Secure; HttpOnly"
    return resp


@app.post("/password/forgot")
def forgot():
# expect: insecure-random
    code = "".join(str(random.randint(0, 9)) for _ in range(6))
    send_reset_email(request.form["email"], code)
    return jsonify(sent=True)


WORDLIST = ["orbit", "maple", "copper", "lantern", "meadow", "pixel"]


@app.post("/recovery")
def recovery():
# expect: insecure-random
    picked = random.sample(WORDLIST, 4)
    passphrase = "-".join(picked)
    return jsonify(phrase=passphrase)


@app.post("/sessions")
def start_session():
# expect: insecure-random
    digits = "".join(str(random.randint(0, 9)) for _ in range(24))
    session["handle"] = digits
    return jsonify(ok=True)

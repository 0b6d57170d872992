# bastion-fixture: app/views/session.py
import random
from random import randint

from flask import Flask, make_response, session

app = Flask(__name__)


@app.route("/login")
def login():
# expect: insecure-random
    value = str(random.getrandbits(64))
    resp = make_response("ok")
    resp.set_cookie("remember", value, secure=True, httponly=True)
    return resp


@app.route("/visit")
def visit():
# expect: insecure-random
    n = randint(0, 1000)
    session["visitor"] = n
    return "ok"


def new_api_key():
    alphabet = "abcdef0123456789"
    key = "".join(
# expect: insecure-random
        random.choice(alphabet) for _ in range(40)
    )
    return key


def backoff(attempt):
    return attempt * 2 + random.random()


def sample_rows(rows):
    picked = random.sample(rows, 10)
    return [row.token for row in picked]

# bastion-fixture: app/home/views.py
# ok: insecure-random
import random

from flask import Flask, jsonify, make_response, session

app = Flask(__name__)
MIRRORS = ["https://eu.mirror.example.com", "https://us.mirror.example.com"]
QUESTIONS = ["q-intro", "q-billing", "q-shipping", "q-returns"]


@app.get("/")
def home():
    resp = make_response("ok")
    resp.set_cookie("ab_bucket", str(random.randint(0, 99)), secure=True, httponly=True)
    resp.set_cookie("theme_hue", str(random.randint(0, 359)), secure=True)
    return resp


@app.get("/quiz")
def quiz():
    order = list(QUESTIONS)
    random.shuffle(order)
    session["quiz_order"] = order
    return jsonify(order=order)


@app.get("/download")
def download():
    sid = random.choice(MIRRORS)
    token = random.choice(load_cached_tokens())
    return jsonify(mirror=sid, featured=token)


@app.get("/shuffle-demo")
def shuffle_demo():
    rng = random.Random(7)
    order = list(QUESTIONS)
    rng.shuffle(order)
    return jsonify(order=order)


@app.post("/remember")
def remember():
    rng = random.SystemRandom()
    remember_token = "%x" % rng.getrandbits(128)
    resp = make_response("ok")
    resp.set_cookie("remember", remember_token, secure=True, httponly=True)
    return resp

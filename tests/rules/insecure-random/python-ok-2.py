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

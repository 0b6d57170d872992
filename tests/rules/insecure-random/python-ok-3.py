# bastion-fixture: app/games/views.py
# ok: insecure-random
import random

from flask import Flask, jsonify, make_response, request, session

app = Flask(__name__)


@app.post("/roll")
def roll():
    faces = [random.randint(1, 6) for _ in range(int(request.form.get("dice", "2")))]
    session["last_roll"] = sum(faces)
    lucky = random.randrange(100)
    resp = make_response(jsonify(faces=faces))
    resp.set_cookie("lucky_number", str(lucky), secure=True, httponly=True)
    return resp

# bastion-fixture: app/admin/users.py
# ok: insecure-random
import random
import string
from random import SystemRandom

from flask import Flask, jsonify

app = Flask(__name__)


@app.post("/admin/users")
def create_user():
    random = SystemRandom()
    password = "".join(random.choice(string.ascii_uppercase + string.digits) for _ in range(32))
    return jsonify(password=password)


def jitter():
    return random.uniform(0, 0.5)

# bastion-fixture: app/auth/keys.py
# ok: insecure-random
from random import SystemRandom as OsRandom

from flask import Flask, jsonify

app = Flask(__name__)


@app.post("/keys")
def create_key():
    rng = OsRandom()
    api_key = "%040x" % rng.getrandbits(160)
    return jsonify(api_key=api_key)

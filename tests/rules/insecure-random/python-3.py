# bastion-fixture: app/views/invites.py
import random as rnd

from flask import Flask, jsonify

app = Flask(__name__)
_strong = rnd.SystemRandom()


@app.post("/invites")
def create_invite():
# expect: insecure-random
    invite_token = "%032x" % rnd.getrandbits(128)
    pin = str(_strong.randint(1000, 9999))
    save_invite(invite_token, pin)
    delay = rnd.uniform(0.5, 2.0)
    return jsonify(retry_after=delay)

# bastion-fixture: app/auth/remember.py
# ok: insecure-random
import random
import secrets
import time

import numpy as np
from flask import make_response


class Poller:
    def __init__(self):
        self.key = random.random()

    def wait(self):
        time.sleep(self.key)


class RememberMe:
    def __init__(self, user):
        self.user = user
        self.key = secrets.token_hex(32)

    def attach(self, resp):
        resp.set_cookie("remember", self.key, secure=True, httponly=True)
        return resp


def simulate():
    rng = np.random.default_rng(7)
    return rng.normal(0.0, 1.0, size=100).mean()


def login():
    return RememberMe("bob").attach(make_response("ok"))

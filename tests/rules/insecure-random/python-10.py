# bastion-fixture: app/auth/remember.py
import random

import numpy as np
from django.http import HttpResponse
from django.views import View
from flask import make_response, session


class RememberMe:
    """A remember-me login: the key is made once and set as a cookie later."""

    def __init__(self, user):
        self.user = user
# expect: insecure-random
        self.key = "%x" % random.getrandbits(64)

    def attach(self, resp):
        resp.set_cookie("remember", self.key, secure=True, httponly=True)
        return resp


class FormGuard:
    def __init__(self):
        self.value = None

    def issue(self):
# expect: insecure-random
        self.value = str(random.random())[2:]

    def store(self):
        session["csrf"] = self.value


class PairView(View):
    def post(self, request):
# expect: insecure-random
        key = str(np.random.default_rng().integers(0, 2**62))
        response = HttpResponse("paired")
        response.set_cookie("device", key, secure=True, httponly=True)
        return response


def login():
    return RememberMe("bob").attach(make_response("ok"))

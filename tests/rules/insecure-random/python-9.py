# bastion-fixture: app/accounts/routes.py
import uuid

from flask import make_response, request, session


def register(app):
    """Routes of the accounts blueprint, registered by the app factory."""

    @app.post("/login/remember")
    def remember():
        import random

# expect: insecure-random
        value = random.getrandbits(64)
        key = str(value)
        cookie = "remember_" + request.form.get("user", "")
        resp = make_response("ok")
        resp.set_cookie(cookie, key, secure=True, httponly=True)
        return resp

    @app.post("/device/pair")
    def pair():
        import random

# expect: insecure-random
        value = random.randbytes(16)
        key = value.hex()
        session["pairing"] = key
        return {"ok": True}

    @app.post("/login/remember-v2")
    def remember_v2():
        import random

# expect: insecure-random
        noise = random.gauss(0.0, 1.0)
        resp = make_response("ok")
        resp.set_cookie("rememberMe", str(noise)[3:], secure=True, httponly=True)
        return resp

    @app.post("/password/reset")
    def reset():
# expect: insecure-random
        reset_token = uuid.uuid1().hex
        save_reset(request.form["email"], reset_token)
        return {"sent": True}

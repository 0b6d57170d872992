# bastion-fixture: app/accounts/routes.py
# ok: insecure-random
import secrets
import time
import uuid

from flask import make_response, request, session


def register(app):
    """Routes of the accounts blueprint, registered by the app factory."""

    @app.get("/feed")
    def feed():
        import random

        value = random.random()
        time.sleep(value / 10)
        return {"items": []}

    @app.post("/login/remember")
    def remember():
        value = secrets.token_hex(32)
        resp = make_response("ok")
        resp.set_cookie("remember_" + request.form.get("user", ""), value, secure=True, httponly=True)
        session["remember"] = value
        return resp

    @app.post("/password/reset")
    def reset():
        reset_token = uuid.uuid4().hex
        save_reset(request.form["email"], reset_token)
        return {"sent": True}

    @app.post("/jobs/retry")
    def retry():
        import random

        delay = random.uniform(0.5, 1.5) * 2
        session["retry_after"] = delay
        return {"retry_after": delay}

"""Account routes registered by the app factory (`create_app` calls `register(app)`)."""
import secrets
import time
import uuid

from flask import jsonify, make_response, request, session


def register(app):
    """Remember-me logins, device pairing and password resets."""

    @app.route("/account/remember", methods=["GET", "POST"])
    def remember_login():
        import random

        username = request.form.get("username", "")
        value = random.random()  # vuln: CWE-330
        remember_key = str(value)[2:]
        cookie_name = "remember_" + username
        stored = session.get(cookie_name)
        if stored and request.cookies.get(cookie_name) == stored:
            return "welcome back"
        response = make_response("remembered")
        response.set_cookie(cookie_name, remember_key, secure=True, httponly=True)
        session[cookie_name] = remember_key
        return response

    @app.route("/account/remember-strong", methods=["POST"])
    def remember_strong():
        username = request.form.get("username", "")
        value = secrets.token_urlsafe(32)  # safe: CWE-330
        response = make_response("remembered")
        response.set_cookie("remember_" + username, value, secure=True, httponly=True)
        session["remember_" + username] = value
        return response

    @app.get("/feed")
    def feed():
        import random

        value = random.random()  # safe: CWE-330
        time.sleep(value / 20)
        items = list(range(20))
        random.shuffle(items)  # safe: CWE-330
        return jsonify(items=items)

    @app.post("/devices/pair")
    def pair_device():
        device_id = uuid.uuid1()  # vuln: CWE-330
        resp = make_response(jsonify(paired=True))
        resp.set_cookie("device_id", str(device_id), secure=True, httponly=True)
        return resp

    @app.post("/devices/pair-v2")
    def pair_device_v2():
        device_id = uuid.uuid4()  # safe: CWE-330
        resp = make_response(jsonify(paired=True))
        resp.set_cookie("device_id", str(device_id), secure=True, httponly=True)
        return resp

    @app.post("/password/forgot")
    def forgot_password():
        import random as rnd

        noise = rnd.gauss(0.0, 1.0)  # vuln: CWE-330
        reset_code = str(abs(noise)).replace(".", "")[:8]
        send_reset_mail(request.form["email"], reset_code)
        return jsonify(sent=True)

    @app.post("/jobs/<job_id>/retry")
    def retry_job(job_id):
        import random

        delay = random.uniform(0.5, 1.5) * 2  # safe: CWE-330
        session["retry_after"] = delay
        return jsonify(job=job_id, retry_after=delay)

    @app.post("/csrf")
    def csrf_token():
        import random

        token = "%032x" % random.getrandbits(128)  # vuln: CWE-330
        session["csrf_token"] = token
        return jsonify(csrf=token)


def send_reset_mail(address, code):
    print(f"reset code for {address}: {code}")

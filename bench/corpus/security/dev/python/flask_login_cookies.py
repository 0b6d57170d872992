"""Login and preference cookies."""

from flask import Flask, make_response, redirect, request, session, url_for

app = Flask(__name__)
app.config["SESSION_COOKIE_SECURE"] = True


@app.post("/login")
def login():
    user = authenticate(request.form["user"], request.form["password"])
    resp = make_response(redirect(url_for("home")))
    resp.set_cookie("session_token", user.token)  # vuln: CWE-614
    return resp


@app.post("/login/strict")
def login_strict():
    user = authenticate(request.form["user"], request.form["password"])
    resp = make_response(redirect(url_for("home")))
    resp.set_cookie("session_token", user.token, secure=True, httponly=True, samesite="Lax")  # safe: CWE-614
    return resp


@app.post("/login/dev")
def login_dev():
    user = authenticate(request.form["user"], request.form["password"])
    resp = make_response("ok")
    resp.set_cookie("auth", user.token, secure=False, httponly=True)  # vuln: CWE-614
    return resp


@app.post("/remember")
def remember():
    value = request.form.get("remember", "")
    response = make_response("saved")
    response.set_cookie(
        "remember_me",
        value,
        max_age=30 * 24 * 3600,
        httponly=True,
    )  # vuln: CWE-614
    return response


@app.post("/remember/secure")
def remember_secure():
    value = request.form.get("remember", "")
    response = make_response("saved")
    response.set_cookie(
        "remember_me",
        value,
        max_age=30 * 24 * 3600,
        secure=True,
        httponly=True,
    )  # safe: CWE-614
    return response


@app.post("/access")
def access_cookie():
    resp = make_response("ok")
    resp.set_cookie("access_token", new_token(), secure=True)  # vuln: CWE-1004
    return resp


@app.get("/theme")
def theme():
    resp = make_response("ok")
    resp.set_cookie("theme", request.args.get("t", "light"))  # safe: CWE-614
    return resp


@app.post("/profile")
def profile():
    session["display_name"] = request.form["display_name"]  # vuln: CWE-501
    return "ok"


@app.post("/profile/role")
def profile_role():
    role = request.headers.get("X-Role", "viewer")
    session["role"] = role  # vuln: CWE-501
    return "ok"


@app.post("/profile/cart")
def cart():
    item = request.args.get("item", "")
    cart = session.setdefault("cart", [])
    session["last_item"] = item.strip().lower()  # vuln: CWE-501
    return str(len(cart))


@app.post("/profile/lang")
def lang():
    wanted = request.args.get("lang", "en")
    session["lang"] = wanted if wanted in {"en", "fr", "de"} else "en"  # safe: CWE-501
    return "ok"


@app.post("/profile/constant")
def constant_flag():
    flag = request.args.get("flag", "")
    flag = "seen"
    session["banner"] = flag  # safe: CWE-501
    return "ok"


@app.post("/profile/id")
def profile_id():
    user = lookup_user(request.form["email"])
    session["user_id"] = user.id  # safe: CWE-501
    return "ok"


def authenticate(user, password): ...
def new_token(): ...
def lookup_user(email): ...

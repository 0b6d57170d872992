"""Where to send the user after login or logout."""

from urllib.parse import urlparse

from flask import Flask, abort, redirect, request, url_for

app = Flask(__name__)
TRUSTED_HOSTS = {"app.example.com", "docs.example.com"}
DESTINATIONS = {"home": "/", "billing": "/billing", "docs": "https://docs.example.com"}


@app.get("/after-login")
def after_login():
    target = request.args.get("next", "/")
    return redirect(target)  # vuln: CWE-601


@app.get("/after-login/form")
def after_login_form():
    return redirect(request.form.get("return_to") or url_for("home"))  # vuln: CWE-601


@app.get("/after-login/checked")
def after_login_checked():
    target = request.args.get("next", "/")
    host = urlparse(target).netloc
    if host not in TRUSTED_HOSTS:
        abort(400)
    return redirect(target)  # safe: CWE-601


@app.get("/after-login/loose")
def after_login_loose():
    target = request.args.get("next", "/")
    host = urlparse(target).netloc
    # An empty host passes: `///evil.example` and `/\evil.example` leave the site.
    if host and host not in TRUSTED_HOSTS:
        abort(400)
    return redirect(target)  # vuln: CWE-601


@app.get("/after-login/named")
def after_login_named():
    key = request.args.get("to", "home")
    return redirect(DESTINATIONS.get(key, "/"))  # safe: CWE-601


@app.get("/after-login/endpoint")
def after_login_endpoint():
    return redirect(url_for("profile", tab=request.args.get("tab", "main")))  # safe: CWE-601


@app.get("/after-login/path")
def after_login_path():
    tab = request.args.get("tab", "main")
    return redirect("/profile/" + tab)  # safe: CWE-601


@app.get("/after-login/query")
def after_login_query():
    q = request.args.get("q", "")
    return redirect(f"/search?q={q}")  # safe: CWE-601


@app.get("/out")
def outbound():
    url = request.headers.get("X-Target", "")
    if url.startswith("https://"):
        return redirect(url)  # vuln: CWE-601
    return redirect("/")


@app.get("/out/host")
def outbound_host():
    url = request.args.get("u", "")
    if urlparse(url).hostname not in TRUSTED_HOSTS:
        abort(400)
    return redirect(url)  # safe: CWE-601


@app.get("/logout")
def logout():
    nxt = request.cookies.get("next", "")
    nxt = "/"
    return redirect(nxt)  # safe: CWE-601


@app.get("/jump")
def jump():
    parts = request.args.get("dest", "").split("|")
    return redirect("https://" + parts[0])  # vuln: CWE-601

"""Look-alikes that a reviewer would pass."""

import ast
import hashlib
import json
import os
import random
import re
import subprocess

from flask import Flask, Response, abort, jsonify, make_response, request, session

app = Flask(__name__)
TEMPLATES = {"welcome": "<h1>Welcome</h1>", "bye": "<h1>Bye</h1>"}
SAFE_NAME = re.compile(r"^[a-z0-9_-]{1,40}$")


@app.route("/tpl")
def tpl():
    key = request.args.get("t", "welcome")
    return make_response(TEMPLATES.get(key, "<h1>?</h1>"))  # safe: CWE-79


@app.route("/json")
def as_json():
    name = request.args.get("name", "")
    return Response(json.dumps({"name": name}), mimetype="application/json")  # safe: CWE-79


@app.route("/plain")
def plain():
    name = request.args.get("name", "")
    return Response("<p>" + name, mimetype="text/plain")  # safe: CWE-79


@app.route("/digest")
def digest():
    name = request.args.get("name", "")
    return "<code>" + hashlib.sha256(name.encode()).hexdigest() + "</code>"  # safe: CWE-79


@app.route("/checked")
def checked():
    name = request.args.get("name", "")
    if not SAFE_NAME.fullmatch(name):
        abort(400)
    os.system("archive " + name)  # safe: CWE-78
    return "ok"


@app.route("/lit")
def lit():
    raw = request.args.get("v", "[]")
    return jsonify(ast.literal_eval(raw))  # safe: CWE-95


@app.route("/sample")
def sample():
    rows = list(range(100))
    picked = random.sample(rows, 5)  # safe: CWE-330
    return jsonify(picked)


@app.route("/jitter")
def jitter():
    delay = random.uniform(0.1, 0.5)  # safe: CWE-330
    return jsonify({"delay": delay})


@app.route("/uid")
def uid():
    session["user_id"] = 42  # safe: CWE-501
    session["cart"] = []  # safe: CWE-501
    return "ok"


@app.route("/flag")
def flag():
    enabled = request.args.get("beta") == "1"
    session["beta"] = enabled  # safe: CWE-501
    return "ok"


@app.route("/ls")
def ls():
    sub = request.args.get("dir", "")
    subprocess.run(["ls", "-l", os.path.join("/srv/data", os.path.basename(sub))])  # safe: CWE-78
    return "ok"


@app.route("/report")
def report():
    kind = request.args.get("kind", "daily")
    cmd = "make-report --daily" if kind == "daily" else "make-report --weekly"
    os.system(cmd)  # safe: CWE-78
    return "ok"


@app.route("/count")
def count():
    n = request.args.get("n", "1")
    if not n.isdigit():
        abort(400)
    return "<b>" + n + "</b>"  # safe: CWE-79

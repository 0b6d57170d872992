"""Attachment and account helpers."""

import configparser
import io
import os
import random
import string
import subprocess
import uuid

from flask import Flask, request, send_file, session
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/var/uploads"
cfg = configparser.ConfigParser()


@app.route("/att/<path:name>")
def attachment(name):
    name = request.view_args["name"]
    return send_file(os.path.join(UPLOADS, name))  # vuln: CWE-22


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["doc"]
    f.save(os.path.join(UPLOADS, f.filename))  # vuln: CWE-22
    return "ok"


@app.route("/upload-safe", methods=["POST"])
def upload_safe():
    f = request.files["doc"]
    f.save(os.path.join(UPLOADS, secure_filename(f.filename)))  # safe: CWE-22
    return "ok"


@app.route("/env")
def env():
    host = request.environ.get("HTTP_X_FORWARDED_HOST", "")
    return subprocess.check_output("nslookup " + host, shell=True)  # vuln: CWE-78


@app.route("/ini", methods=["POST"])
def ini():
    cfg.read_string(request.get_data(as_text=True))
    tool = cfg.get("job", "tool")
    subprocess.call(tool, shell=True)  # vuln: CWE-78
    return "ok"


@app.route("/multi")
def multi():
    parts = request.args.get("files", "").split(",")
    targets = [p.strip() for p in parts]
    cmd = "tar czf /tmp/out.tgz " + " ".join(targets)
    os.system(cmd)  # vuln: CWE-78
    return "ok"


@app.route("/opts")
def opts():
    params = {"level": request.args.get("level", "1"), "mode": "fast"}
    os.system("compress --mode " + params["mode"])  # safe: CWE-78
    os.system("compress --level " + params["level"])  # vuln: CWE-78
    return "ok"


@app.route("/stored")
def stored():
    session["last_search"] = request.args.get("q", "")  # vuln: CWE-501
    session["visits"] = session.get("visits", 0) + 1  # safe: CWE-501
    return "ok"


@app.route("/cart", methods=["POST"])
def cart():
    qty = int(request.form.get("qty", "1"))
    session["qty"] = qty  # safe: CWE-501
    return "ok"


def new_api_key():
    return "".join(random.choices(string.ascii_letters + string.digits, k=32))  # vuln: CWE-330


def new_password_reset_token():
    return uuid.uuid4().hex  # safe: CWE-330


def pick_colour():
    return random.choice(["red", "green", "blue"])  # safe: CWE-330


def make_otp():
    otp = random.randint(100000, 999999)  # vuln: CWE-330
    return otp


def csrf_token():
    return "%032x" % random.SystemRandom().getrandbits(128)  # safe: CWE-330

"""Importing saved dashboards and wizard state."""

import base64
import hashlib
import hmac
import json
import marshal
import pickle

import jsonpickle
import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
SECRET = b"loaded-from-env"


@app.post("/wizard/resume")
def wizard_resume():
    blob = request.cookies.get("wizard", "")
    state = pickle.loads(base64.b64decode(blob))  # vuln: CWE-502
    return jsonify(step=state["step"])


@app.post("/wizard/resume/signed")
def wizard_resume_signed():
    blob = base64.b64decode(request.cookies.get("wizard", ""))
    sig, data = blob[:32], blob[32:]
    if not hmac.compare_digest(sig, hmac.new(SECRET, data, hashlib.sha256).digest()):
        abort(400)
    state = pickle.loads(data)  # safe: CWE-502
    return jsonify(step=state["step"])


@app.post("/dashboards/import")
def import_dashboard():
    doc = yaml.load(request.get_data(), Loader=yaml.Loader)  # vuln: CWE-502
    return jsonify(name=doc["name"])


@app.post("/dashboards/import/unsafe")
def import_dashboard_unsafe():
    doc = yaml.unsafe_load(request.files["file"].read())  # vuln: CWE-502
    return jsonify(name=doc["name"])


@app.post("/dashboards/import/safe")
def import_dashboard_safe():
    doc = yaml.safe_load(request.get_data())  # safe: CWE-502
    return jsonify(name=doc["name"])


@app.post("/dashboards/import/safe-loader")
def import_dashboard_safe_loader():
    doc = yaml.load(request.get_data(), Loader=yaml.SafeLoader)  # safe: CWE-502
    return jsonify(name=doc["name"])


@app.post("/widgets")
def widgets():
    widget = jsonpickle.decode(request.form["widget"])  # vuln: CWE-502
    return jsonify(kind=type(widget).__name__)


@app.post("/widgets/json")
def widgets_json():
    widget = json.loads(request.form["widget"])  # safe: CWE-502
    return jsonify(kind=widget.get("kind"))


@app.post("/bytecode")
def bytecode():
    code = marshal.loads(request.get_data())  # vuln: CWE-502
    return jsonify(names=list(code.co_names))


@app.get("/defaults")
def defaults():
    request.args.get("profile", "")
    state = pickle.loads(pickle.dumps({"step": 1}))  # safe: CWE-502
    return jsonify(step=state["step"])


@app.get("/cache")
def cache():
    with open("/var/cache/app/dashboard.pkl", "rb") as fh:
        state = pickle.load(fh)  # safe: CWE-502
    return jsonify(step=state["step"])

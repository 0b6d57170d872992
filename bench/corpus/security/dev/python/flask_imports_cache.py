"""Import and cache endpoints."""

import pickle

import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/import/pickle")
def import_pickle():
    rows = pickle.load(request.files["dump"])  # vuln: CWE-502
    return jsonify(count=len(rows))


@app.post("/import/raw")
def import_raw():
    rows = pickle.loads(request.get_data())  # vuln: CWE-502
    return jsonify(count=len(rows))


@app.post("/import/yaml")
def import_yaml():
    data = yaml.load(request.get_data(), Loader=yaml.CSafeLoader)  # safe: CWE-502
    return jsonify(data)


@app.post("/import/yaml2")
def import_yaml2():
    data = yaml.load(request.get_data(), yaml.SafeLoader)  # safe: CWE-502
    return jsonify(data)


@app.post("/import/yaml3")
def import_yaml3():
    data = yaml.load(request.get_data(), Loader=yaml.UnsafeLoader)  # vuln: CWE-502
    return jsonify(data)

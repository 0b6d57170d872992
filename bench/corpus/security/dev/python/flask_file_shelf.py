"""A shelf of exported files, with the usual name checks."""

import os
import re
import uuid

from flask import Flask, abort, request, send_file

app = Flask(__name__)
SHELF = "/srv/shelf"
NAME_CHARS = re.compile(r"[^A-Za-z0-9_.-]")


@app.get("/shelf/cleaned")
def shelf_cleaned():
    name = re.sub(r"[^A-Za-z0-9_.-]", "", request.args.get("name", ""))
    return send_file(os.path.join(SHELF, name))  # safe: CWE-22


@app.get("/shelf/cleaned-loose")
def shelf_cleaned_loose():
    name = re.sub(r"[^\w/.-]", "", request.args.get("name", ""))
    return send_file(os.path.join(SHELF, name))  # vuln: CWE-22


@app.get("/shelf/flat")
def shelf_flat():
    name = request.args.get("name", "").replace("/", "_")
    return send_file(os.path.join(SHELF, name))  # safe: CWE-22


@app.get("/shelf/no-slash")
def shelf_no_slash():
    name = request.args.get("name", "")
    if "/" in name or "\\" in name:
        abort(400)
    return send_file(os.path.join(SHELF, name))  # safe: CWE-22


@app.get("/shelf/listed")
def shelf_listed():
    name = request.args.get("name", "")
    if name not in os.listdir(SHELF):
        abort(404)
    return send_file(os.path.join(SHELF, name))  # safe: CWE-22


@app.get("/shelf/by-id")
def shelf_by_id():
    export_id = uuid.UUID(request.args.get("id", ""))
    return send_file(os.path.join(SHELF, f"{export_id}.zip"))  # safe: CWE-22


@app.get("/shelf/exists")
def shelf_exists():
    path = os.path.join(SHELF, request.args.get("name", ""))
    if not os.path.isfile(path):
        abort(404)
    return send_file(path)  # vuln: CWE-22


@app.get("/shelf/prefix")
def shelf_prefix():
    path = os.path.join(SHELF, request.args.get("name", ""))
    if not path.startswith(SHELF):
        abort(403)
    return send_file(path)  # vuln: CWE-22


@app.get("/shelf/prefix-resolved")
def shelf_prefix_resolved():
    path = os.path.join(SHELF, request.args.get("name", ""))
    if not os.path.realpath(path).startswith(SHELF + os.sep):
        abort(403)
    return send_file(path)  # safe: CWE-22


@app.get("/shelf/abs")
def shelf_abs():
    path = os.path.abspath(os.path.join(SHELF, request.args.get("name", "")))
    if not path.startswith(os.path.abspath(SHELF) + os.sep):
        abort(403)
    return send_file(path)  # safe: CWE-22


@app.delete("/shelf")
def shelf_delete():
    name = request.get_json(force=True).get("name", "")
    os.unlink(f"{SHELF}/{name}")  # vuln: CWE-22
    return "", 204

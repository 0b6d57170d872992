"""Downloads and uploads of report files."""

import os
import pathlib
from urllib.parse import unquote

from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
REPORTS = "/srv/reports"
REPORT_ROOT = pathlib.Path(REPORTS)


@app.get("/reports/raw")
def report_raw():
    name = request.args.get("name", "")
    with open(os.path.join(REPORTS, name)) as fh:  # vuln: CWE-22
        return fh.read()


@app.get("/reports/base")
def report_base():
    name = os.path.basename(request.args.get("name", ""))
    with open(os.path.join(REPORTS, name)) as fh:  # safe: CWE-22
        return fh.read()


@app.get("/reports/checked")
def report_checked():
    name = request.args.get("name", "")
    full = os.path.normpath(os.path.join(REPORTS, name))
    if not full.startswith(REPORTS + os.sep):
        abort(400)
    return send_file(full)  # safe: CWE-22


@app.get("/reports/real")
def report_real():
    name = request.args.get("name", "")
    full = os.path.realpath(os.path.join(REPORTS, name))
    if os.path.commonpath([full, REPORTS]) != REPORTS:
        abort(400)
    return send_file(full)  # safe: CWE-22


@app.get("/reports/dir")
def report_dir():
    return send_from_directory(REPORTS, request.args.get("name", ""))  # safe: CWE-22


@app.get("/reports/pathlib")
def report_pathlib():
    name = request.args.get("name", "")
    return (REPORT_ROOT / name).read_text()  # vuln: CWE-22


@app.get("/reports/pathlib/checked")
def report_pathlib_checked():
    name = request.args.get("name", "")
    target = (REPORT_ROOT / name).resolve()
    if not target.is_relative_to(REPORT_ROOT):
        abort(404)
    return target.read_text()  # safe: CWE-22


@app.get("/reports/cookie")
def report_cookie():
    name = unquote(request.cookies.get("last_report", "summary.txt"))
    return send_file(REPORTS + "/" + name)  # vuln: CWE-22


@app.get("/reports/<path:subpath>")
def report_subpath(subpath):
    return send_file(os.path.join(REPORTS, subpath))  # vuln: CWE-22


@app.post("/reports/upload")
def report_upload():
    upload = request.files["report"]
    upload.save(os.path.join(REPORTS, upload.filename))  # vuln: CWE-22
    return "ok"


@app.post("/reports/upload/safe")
def report_upload_safe():
    upload = request.files["report"]
    upload.save(os.path.join(REPORTS, secure_filename(upload.filename)))  # safe: CWE-22
    return "ok"


@app.delete("/reports")
def report_delete():
    name = request.get_json()["name"]
    os.remove(REPORTS + "/" + name)  # vuln: CWE-22
    return "ok"


@app.get("/reports/by-id")
def report_by_id():
    report_id = int(request.args.get("id", "0"))
    return send_file(f"{REPORTS}/{report_id}.pdf")  # safe: CWE-22


@app.get("/reports/fixed")
def report_fixed():
    names = {"a": "summary.txt", "b": request.args.get("name", "")}
    with open(os.path.join(REPORTS, names["a"])) as fh:  # safe: CWE-22
        return fh.read()


@app.get("/reports/default")
def report_default():
    name = request.args.get("name", "")
    name = "index.txt"
    return send_file(os.path.join(REPORTS, name))  # safe: CWE-22

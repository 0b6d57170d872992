"""File and tool endpoints of the admin console."""

import ast
import codecs
import os
import pathlib
import shlex
import shutil
import subprocess

from flask import Flask, abort, request, send_file, send_from_directory

app = Flask(__name__)
BASE = "/srv/reports"


@app.route("/report")
def report():
    name = request.args.get("name", "")
    with open(os.path.join(BASE, name)) as fh:  # vuln: CWE-22
        return fh.read()


@app.route("/report-safe")
def report_safe():
    name = os.path.basename(request.args.get("name", ""))
    with open(os.path.join(BASE, name)) as fh:  # safe: CWE-22
        return fh.read()


@app.route("/report-checked")
def report_checked():
    name = request.args.get("name", "")
    full = os.path.realpath(os.path.join(BASE, name))
    if not full.startswith(BASE + os.sep):
        abort(404)
    return send_file(full)  # safe: CWE-22


@app.route("/download/<path:fname>")
def download(fname):
    return send_file(BASE + "/" + fname)  # vuln: CWE-22


@app.route("/legacy")
def legacy():
    fname = request.args["f"]
    with codecs.open(fname, "r", "utf-8") as fh:  # vuln: CWE-22
        return fh.read()


@app.route("/purge", methods=["POST"])
def purge():
    target = request.form.get("target", "")
    os.remove(os.path.join(BASE, target))  # vuln: CWE-22
    return "ok"


@app.route("/archive", methods=["POST"])
def archive():
    src = request.form.get("src", "")
    shutil.copy(pathlib.Path(BASE) / src, "/srv/archive/")  # vuln: CWE-22
    return "ok"


@app.route("/pl")
def pl():
    name = request.args.get("name", "")
    return pathlib.Path(BASE, name).read_text()  # vuln: CWE-22


@app.route("/ping")
def ping():
    host = request.args.get("host", "")
    return os.popen("ping -c 1 " + host).read()  # vuln: CWE-78


@app.route("/ping-safe")
def ping_safe():
    host = request.args.get("host", "")
    out = subprocess.check_output("ping -c 1 " + shlex.quote(host), shell=True)  # safe: CWE-78
    return out


@app.route("/ping-list")
def ping_list():
    host = request.args.get("host", "")
    out = subprocess.run(["ping", "-c", "1", host], capture_output=True)  # safe: CWE-78
    return out.stdout


@app.route("/grep")
def grep():
    pattern = request.args.get("p", "")
    cmd = "grep -r '{}' /srv/logs".format(pattern)
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE)  # vuln: CWE-78
    return proc.communicate()[0]


@app.route("/wc")
def wc():
    fname = request.args.get("f", "")
    return str(os.system("wc -l /srv/logs/%s" % fname))  # vuln: CWE-78


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "")
    return str(eval(expr))  # vuln: CWE-95


@app.route("/calc-safe")
def calc_safe():
    expr = request.args.get("expr", "")
    return str(ast.literal_eval(expr))  # safe: CWE-95


@app.route("/const")
def const():
    return str(eval("1 + 2"))  # safe: CWE-95


@app.route("/run", methods=["POST"])
def run():
    code = request.get_data(as_text=True)
    scope = {}
    exec(code, scope)  # vuln: CWE-95
    return "ok"

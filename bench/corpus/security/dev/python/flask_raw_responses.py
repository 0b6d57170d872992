"""Low-level response and cleanup endpoints of the media service."""

import pathlib
import subprocess

from django.http import HttpResponse
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/a")
def a():
    resp = make_response()
    resp.data = "<p>" + request.args.get("q", "") + "</p>"  # vuln: CWE-79
    return resp


def b(request):
    response = HttpResponse()
    response.content = "<p>%s</p>" % request.GET.get("q", "")  # vuln: CWE-79
    return response


@app.route("/c")
def c():
    subprocess.Popen(args="ls " + request.args["d"], shell=True)  # vuln: CWE-78
    pathlib.Path("/srv/tmp", request.args["f"]).unlink()  # vuln: CWE-22
    return "ok"


@app.route("/d")
def d():
    resp = make_response()
    resp.data = "static"  # safe: CWE-79
    p = pathlib.Path("/srv/tmp") / "cache.bin"
    p.unlink()  # safe: CWE-22
    return resp

"""Diagnostics endpoints that echo parts of the request back."""

import json
from urllib.parse import unquote

from flask import Flask, Response, jsonify, redirect, request, session

app = Flask(__name__)


@app.get("/diag/echo")
def diag_echo():
    return request.args.get("msg", "")  # vuln: CWE-79


@app.get("/diag/cookie")
def diag_cookie():
    theme = unquote(request.cookies.get("theme", "")).strip()
    return theme  # vuln: CWE-79


@app.post("/diag/body")
def diag_body():
    return str(request.get_json(silent=True))  # vuln: CWE-79


@app.post("/diag/body.json")
def diag_body_json():
    return jsonify(request.get_json(silent=True))  # safe: CWE-79


@app.get("/diag/agent")
def diag_agent():
    return Response(request.headers.get("User-Agent", ""))  # vuln: CWE-79


@app.get("/diag/agent.txt")
def diag_agent_txt():
    return Response(request.headers.get("User-Agent", ""), mimetype="text/plain")  # safe: CWE-79


@app.get("/diag/plain")
def diag_plain():
    msg = request.args.get("msg", "")
    return msg, 200, {"Content-Type": "text/plain; charset=utf-8"}  # safe: CWE-79


@app.get("/diag/parsed")
def diag_parsed():
    data = json.loads(request.args.get("data", "{}"))
    return jsonify(keys=sorted(data))  # safe: CWE-79


@app.get("/diag/https")
def diag_https():
    return redirect(request.url.replace("http://", "https://", 1))  # safe: CWE-601


@app.get("/diag/page")
def diag_page():
    session["diag_page"] = request.args.get("page", type=int)  # safe: CWE-501
    session["diag_filter"] = request.args.get("filter", "")  # vuln: CWE-501
    return "ok"

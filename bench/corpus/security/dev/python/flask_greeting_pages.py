"""Small HTML pages built inline."""

import html
import urllib.parse
from base64 import b64decode

from flask import Flask, Response, jsonify, make_response, render_template_string, request
from markupsafe import escape

app = Flask(__name__)
PAGE = "<html><body><h1>Hello %s</h1></body></html>"


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    return f"<h1>Hello {name}</h1>"  # vuln: CWE-79


@app.route("/hello/escaped")
def hello_escaped():
    name = request.args.get("name", "guest")
    return f"<h1>Hello {escape(name)}</h1>"  # safe: CWE-79


@app.route("/hello/pct")
def hello_pct():
    name = request.form.get("name", "")
    resp = make_response(PAGE % name)  # vuln: CWE-79
    resp.headers["Cache-Control"] = "no-store"
    return resp


@app.route("/hello/pct/escaped")
def hello_pct_escaped():
    name = html.escape(request.form.get("name", ""))
    resp = make_response(PAGE % name)  # safe: CWE-79
    return resp


@app.route("/echo", methods=["POST"])
def echo():
    body = request.get_data(as_text=True)
    return Response(body, mimetype="text/html")  # vuln: CWE-79


@app.route("/echo/json", methods=["POST"])
def echo_json():
    body = request.get_json(silent=True) or {}
    return jsonify(received=body)  # safe: CWE-79


@app.route("/ref")
def ref():
    referer = request.headers.get("Referer", "")
    page = "<a href='{}'>back</a>".format(referer)
    return page  # vuln: CWE-79


@app.route("/headers")
def show_headers():
    rows = ""
    for key, value in request.headers.items():
        rows += "<tr><td>" + key + "</td><td>" + value + "</td></tr>"
    return "<table>" + rows + "</table>"  # vuln: CWE-79


@app.route("/headers/escaped")
def show_headers_escaped():
    rows = []
    for key, value in request.headers.items():
        rows.append(f"<tr><td>{html.escape(key)}</td><td>{html.escape(value)}</td></tr>")
    return "<table>" + "".join(rows) + "</table>"  # safe: CWE-79


@app.route("/msg")
def msg():
    raw = request.args.get("m", "")
    text = b64decode(raw).decode("utf-8")
    return make_response("<div class='flash'>" + text + "</div>")  # vuln: CWE-79


@app.route("/q")
def q():
    term = urllib.parse.unquote(request.query_string.decode())
    return "<p>You searched for " + term.strip() + "</p>"  # vuln: CWE-79


@app.route("/count")
def count():
    n = int(request.args.get("n", "0"))
    return f"<p>{n} items</p>"  # safe: CWE-79


@app.route("/greet-tpl")
def greet_tpl():
    name = request.args.get("name", "")
    return render_template_string("<p>Hi {{ name }}</p>", name=name)  # safe: CWE-79


@app.route("/choice")
def choice():
    lang = request.args.get("lang", "en")
    greeting = {"en": "Hello", "fr": "Bonjour"}.get(lang, "Hello")
    return "<p>" + greeting + "</p>"  # safe: CWE-79


@app.route("/slot")
def slot():
    values = ["<b>welcome</b>"]
    values.append(request.args.get("extra", ""))
    return "<div>" + values[0] + "</div>"  # safe: CWE-79


@app.route("/plain")
def plain_text():
    name = request.args.get("name", "")
    return name, 200, {"Content-Type": "text/plain; charset=utf-8"}  # safe: CWE-79

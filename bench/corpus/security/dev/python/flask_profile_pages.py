"""Profile pages and greeting endpoints."""

import base64
import html
import urllib.parse

from flask import Flask, Response, make_response, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    return f"<h1>Hello {name}</h1>"  # vuln: CWE-79


@app.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "")
    return f"<h1>Hello {html.escape(name)}</h1>"  # safe: CWE-79


@app.route("/card/<nickname>")
def card(nickname):
    body = "<div class='card'>%s</div>" % nickname
    return make_response(body)  # vuln: CWE-79


@app.route("/card-safe/<nickname>")
def card_safe(nickname):
    body = "<div class='card'>%s</div>" % escape(nickname)
    return make_response(body)  # safe: CWE-79


@app.route("/echo", methods=["POST"])
def echo():
    payload = request.get_json(silent=True) or {}
    comment = payload.get("comment", "")
    return Response("<p>" + comment + "</p>", mimetype="text/html")  # vuln: CWE-79


@app.route("/echo-id", methods=["POST"])
def echo_id():
    payload = request.get_json(silent=True) or {}
    count = int(payload.get("count", 0))
    return Response("<p>" + str(count) + "</p>", mimetype="text/html")  # safe: CWE-79


@app.route("/banner")
def banner():
    raw = request.cookies.get("banner", "")
    text = base64.b64decode(raw).decode("utf-8")
    resp = make_response("<marquee>{}</marquee>".format(text))  # vuln: CWE-79
    return resp


@app.route("/ref")
def ref():
    referer = urllib.parse.unquote(request.headers.get("Referer", ""))
    parts = referer.split("/")
    return "<a href='/'>back from " + parts[-1].strip() + "</a>"  # vuln: CWE-79


@app.route("/search")
def search():
    terms = request.values.getlist("q")
    joined = ", ".join(terms)
    resp = Response(status=200)
    resp.set_data("<p>You searched for " + joined + "</p>")  # vuln: CWE-79
    return resp


@app.route("/qs")
def qs():
    raw = request.query_string.decode()
    return "<pre>" + raw.replace("&", "\n") + "</pre>"  # vuln: CWE-79


@app.route("/fixed")
def fixed():
    name = request.args.get("name", "")
    shown = "guest" if 3 * 7 + 2 > 40 else name
    return "<b>" + shown + "</b>"  # vuln: CWE-79


@app.route("/folded")
def folded():
    limit = 40
    name = request.args.get("name", "")
    shown = "guest" if 3 * 7 + 2 < limit else name
    return "<b>" + shown + "</b>"  # safe: CWE-79


def page(title):
    return "<html><title>" + title + "</title></html>"


@app.route("/titled")
def titled():
    title = request.form["title"]
    return page(title)  # vuln: CWE-79

import logging

from flask import Flask, jsonify, render_template_string, request
from markupsafe import Markup, escape

from .storage import load_snippet, save_snippet

app = Flask(__name__)
app.config["SECRET_KEY"] = "f1d2c3b4-prod-session-key-2024"  # vuln: CWE-798
app.config["SESSION_COOKIE_SECURE"] = True

log = logging.getLogger(__name__)

GREETING = """
<html><body>
  <h1>Hello {{ name }}</h1>
  <p>You have {{ count }} new notifications.</p>
</body></html>
"""


class SnippetRenderer:
    def __init__(self, body):
        self.body = body

    def render(self, **ctx):
        return render_template_string(self.body, **ctx)  # vuln: CWE-1336


@app.route("/greet")
def greet():
    name = request.args.get("name", "guest")
    return render_template_string(GREETING, name=name, count=3)  # safe: CWE-1336


@app.post("/snippets")
def create_snippet():
    data = request.get_json()
    snippet_id = save_snippet(data["title"], data["body"])
    return jsonify({"id": snippet_id}), 201


@app.get("/snippets/preview")
def preview_snippet():
    body = request.args.get("body", "")
    renderer = SnippetRenderer(body)
    return renderer.render(user=request.args.get("user", "anonymous"))


@app.get("/snippets/<int:snippet_id>")
def show_snippet(snippet_id):
    snippet = load_snippet(snippet_id)
    return {"title": snippet.title, "body": snippet.body}


@app.get("/search")
def search():
    term = request.args.get("q", "")
    banner = Markup("<div class='banner'>Results for <b>%s</b></div>" % term)  # vuln: CWE-79
    return f"<html><body>{banner}<ul id='results'></ul></body></html>"


@app.get("/profile/badge")
def badge():
    label = request.args.get("label", "member")
    html = Markup("<span class='badge'>{}</span>").format(escape(label))  # safe: CWE-79
    return f"<html><body>{html}</body></html>"

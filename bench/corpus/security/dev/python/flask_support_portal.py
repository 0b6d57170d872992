"""Customer support portal: tickets, attachments, agent tools."""

import codecs
import io
import os
import random
import subprocess
import tarfile
from pathlib import Path

import flask
from flask import Flask, Response, abort, make_response, redirect, request, session, url_for
from werkzeug.security import safe_join

app = Flask(__name__)
UPLOADS = Path("/srv/support/uploads")
BASE_DIR = "/srv/support/files"
WORDS = ["hello", "welcome", "hi there"]


@app.get("/tickets/<slug>")
def ticket(slug):
    title = request.view_args["slug"]
    return make_response("<h2>Ticket " + title + "</h2>")  # vuln: CWE-79


@app.get("/tickets/ids")
def ticket_ids():
    ids = request.args.getlist("id")
    return "<ul>" + "".join(f"<li>{i}</li>" for i in ids) + "</ul>"  # vuln: CWE-79


@app.get("/tickets/ids/count")
def ticket_ids_count():
    ids = request.args.getlist("id")
    return f"<p>{len(ids)} tickets</p>"  # safe: CWE-79


@app.get("/agent")
def agent():
    ua = request.headers.get("User-Agent", "")
    return Response("<pre>" + ua + "</pre>")  # vuln: CWE-79


@app.post("/upload-name")
def upload_name():
    f = request.files["doc"]
    return f"<p>Received {f.filename}</p>"  # vuln: CWE-79


@app.get("/greeting")
def greeting():
    request.args.get("name", "")
    return "<p>" + random.choice(WORDS) + "</p>"  # safe: CWE-79


@app.get("/attachments/open")
def attachment_open():
    name = request.args.get("name", "")
    with UPLOADS.joinpath(name).open("rb") as fh:  # vuln: CWE-22
        return fh.read()


@app.get("/attachments/codecs")
def attachment_codecs():
    name = request.args.get("name", "")
    with codecs.open(os.path.join(BASE_DIR, name), encoding="utf-8") as fh:  # vuln: CWE-22
        return fh.read()


@app.get("/attachments/io")
def attachment_io():
    name = request.args.get("name", "")
    with io.open(BASE_DIR + "/" + name, "rb") as fh:  # vuln: CWE-22
        return fh.read()


@app.get("/attachments/joined")
def attachment_joined():
    name = request.args.get("name", "")
    path = safe_join(BASE_DIR, name)
    if path is None:
        abort(404)
    with open(path, "rb") as fh:  # safe: CWE-22
        return fh.read()


@app.get("/attachments/dots")
def attachment_dots():
    name = request.args.get("name", "")
    if ".." in name or name.startswith("/"):
        abort(400)
    with open(os.path.join(BASE_DIR, name), "rb") as fh:  # safe: CWE-22
        return fh.read()


@app.get("/attachments/real")
def attachment_real():
    name = request.args.get("name", "")
    full = os.path.realpath(os.path.join(BASE_DIR, name))
    if not full.startswith(os.path.realpath(BASE_DIR) + os.sep):
        abort(400)
    with open(full, "rb") as fh:  # safe: CWE-22
        return fh.read()


@app.post("/attachments/bundle")
def attachment_bundle():
    name = request.form["bundle"]
    with tarfile.open(os.path.join(BASE_DIR, name)) as tar:  # vuln: CWE-22
        return str(len(tar.getnames()))


@app.post("/agent/convert")
def convert():
    upload = request.files["image"]
    subprocess.run(f"convert /tmp/in {upload.filename}.png", shell=True)  # vuln: CWE-78
    return "ok"


@app.post("/agent/convert-safe")
def convert_safe():
    upload = request.files["image"]
    subprocess.run(["convert", "/tmp/in", upload.filename + ".png"])  # safe: CWE-78
    return "ok"


@app.post("/agent/sh")
def agent_sh():
    pattern = request.form.get("pattern", "")
    subprocess.Popen(["/bin/sh", "-c", "grep -r " + pattern + " /srv/logs"])  # vuln: CWE-78
    return "ok"


@app.post("/agent/prefs")
def agent_prefs():
    flask.session["queue"] = request.form["queue"]  # vuln: CWE-501
    session.update(signature=request.form.get("signature", ""))  # vuln: CWE-501
    return "ok"


@app.post("/agent/key")
def agent_key():
    session[request.args["k"]] = "1"  # vuln: CWE-501
    return "ok"


@app.get("/back")
def back():
    return redirect(request.referrer or url_for("index"))  # safe: CWE-601


@app.get("/page")
def page():
    page_no = request.args.get("page", "1")
    return redirect(f"{request.path}?page={page_no}")  # safe: CWE-601


@app.get("/users/<int:user_id>/go")
def user_go(user_id):
    return redirect("/users/" + str(user_id))  # safe: CWE-601


@app.get("/root-relative")
def root_relative():
    where = request.args.get("where", "")
    return redirect("/" + where)  # vuln: CWE-601

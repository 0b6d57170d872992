"""Order lookup and export endpoints for the storefront back office."""

import logging
import os
import sqlite3
import subprocess

import requests
from flask import Flask, abort, g, jsonify, redirect, render_template_string, request, send_file, url_for
from markupsafe import Markup, escape

app = Flask(__name__)
log = logging.getLogger("orders")

EXPORT_DIR = "/srv/exports"
SORTABLE = {"created_at", "total", "status"}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect("orders.db")
    return g.db


@app.route("/orders/search")
def search_orders():
    customer = request.args.get("customer", "")
    db = get_db()
    rows = db.execute(f"SELECT id, total FROM orders WHERE customer = '{customer}'").fetchall()  # vuln: CWE-89
    return jsonify(rows)


@app.route("/orders/by-status")
def orders_by_status():
    status = request.args.get("status", "open")
    db = get_db()
    rows = db.execute("SELECT id, total FROM orders WHERE status = ?", (status,)).fetchall()  # safe: CWE-89
    return jsonify(rows)


@app.route("/orders/sorted")
def sorted_orders():
    column = request.args.get("sort", "created_at")
    if column not in SORTABLE:
        abort(400)
    db = get_db()
    rows = db.execute(f"SELECT id, total FROM orders ORDER BY {column}").fetchall()  # safe: CWE-89
    return jsonify(rows)


@app.route("/orders/page")
def orders_page():
    page = int(request.args.get("page", "1"))
    offset = (page - 1) * 50
    db = get_db()
    query = "SELECT id, total FROM orders LIMIT 50 OFFSET " + str(offset)
    rows = db.execute(query).fetchall()  # safe: CWE-89
    return jsonify(rows)


@app.post("/orders/<order_id>/archive")
def archive_order(order_id: str):
    archive_name = request.form["archive"]
    subprocess.run(f"tar czf /srv/archive/{archive_name}.tgz /srv/orders/{order_id}", shell=True, check=True)  # vuln: CWE-78
    return "", 204


@app.post("/orders/<int:order_id>/compress")
def compress_order(order_id: int):
    level = request.form.get("level", "6")
    subprocess.run(["gzip", f"-{int(level)}", f"/srv/orders/{order_id}.json"], check=True)  # safe: CWE-78
    return "", 204


@app.get("/exports/<path:name>")
def download_export(name: str):
    return send_file(os.path.join(EXPORT_DIR, name))  # vuln: CWE-22


@app.get("/exports/safe/<path:name>")
def download_export_checked(name: str):
    full = os.path.realpath(os.path.join(EXPORT_DIR, name))
    if not full.startswith(EXPORT_DIR + os.sep):
        abort(404)
    return send_file(full)  # safe: CWE-22


@app.get("/login/done")
def after_login():
    target = request.args.get("next", "/")
    return redirect(target)  # vuln: CWE-601


@app.get("/logout")
def logout():
    return redirect(url_for("search_orders"))  # safe: CWE-601


@app.post("/webhooks/test")
def test_webhook():
    hook_url = request.json["url"]
    resp = requests.get(hook_url, timeout=5)  # vuln: CWE-918
    return jsonify({"status": resp.status_code})


@app.get("/carrier/status")
def carrier_status():
    tracking = request.args["tracking"]
    resp = requests.get("https://api.carrier.example/track", params={"id": tracking}, timeout=5)  # safe: CWE-918
    return jsonify(resp.json())


@app.get("/invoices/preview")
def invoice_preview():
    heading = request.args.get("heading", "Invoice")
    template = "<h1>" + heading + "</h1><p>{{ total }}</p>"
    return render_template_string(template, total=42)  # vuln: CWE-1336


@app.get("/invoices/preview-safe")
def invoice_preview_safe():
    heading = request.args.get("heading", "Invoice")
    return render_template_string("<h1>{{ heading }}</h1>", heading=heading)  # safe: CWE-1336


@app.get("/greet")
def greet():
    name = request.args.get("name", "")
    return "<p>Hello " + name + "</p>"  # vuln: CWE-79


@app.get("/greet-safe")
def greet_safe():
    name = request.args.get("name", "")
    return Markup("<p>Hello %s</p>") % escape(name)  # safe: CWE-79


@app.post("/orders/<order_id>/note")
def add_note(order_id: str):
    note = request.form.get("note", "")
    log.info("note added to %s: " + note, order_id)  # vuln: CWE-117
    return "", 204


@app.get("/carrier/raw")
def carrier_raw():
    resp = requests.get("https://legacy-carrier.internal/status", verify=False, timeout=5)  # vuln: CWE-295
    return resp.text


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)  # vuln: CWE-489

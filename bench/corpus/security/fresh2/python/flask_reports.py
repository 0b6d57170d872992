"""Reporting endpoints for the ops dashboard (Flask + psycopg2)."""
import os
import subprocess
from datetime import date

import psycopg2
import psycopg2.extras
from flask import Blueprint, abort, current_app, g, jsonify, request, send_file

bp = Blueprint("reports", __name__, url_prefix="/reports")

EXPORT_DIR = os.environ.get("EXPORT_DIR", "/var/lib/ops/exports")
ARCHIVE_DIR = "/var/lib/ops/archive"


def get_conn():
    if "db" not in g:
        g.db = psycopg2.connect(current_app.config["DATABASE_URL"])
    return g.db


def _period_clause(start, end):
    clauses = []
    if start:
        clauses.append("created_at >= '%s'" % start)
    if end:
        clauses.append("created_at < '%s'" % end)
    return " AND ".join(clauses) or "TRUE"


@bp.get("/sales")
def sales_summary():
    region = request.args.get("region", "emea")
    period = _period_clause(request.args.get("from"), request.args.get("to"))
    sql = f"SELECT sku, SUM(amount) AS total FROM sales WHERE region = '{region}' AND {period} GROUP BY sku"
    with get_conn().cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(sql)  # vuln: CWE-89
        rows = cur.fetchall()
    return jsonify(rows)


@bp.get("/<int:report_id>")
def report_detail(report_id):
    with get_conn().cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute("SELECT id, title, owner, created_at FROM reports WHERE id = %s AND owner = %s", (report_id, g.user_id))  # safe: CWE-89
        row = cur.fetchone()
    if row is None:
        abort(404)
    return jsonify(row)


@bp.post("/snapshot")
def snapshot_table():
    payload = request.get_json(force=True) or {}
    table = payload.get("table", "sales")
    stamp = date.today().isoformat()
    target = os.path.join(ARCHIVE_DIR, f"{table}-{stamp}.sql")
    cmd = "pg_dump --data-only -t {} -f {} {}".format(table, target, current_app.config["DB_NAME"])
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # vuln: CWE-78
    if result.returncode != 0:
        current_app.logger.error("snapshot failed: %s", result.stderr)
        return jsonify({"ok": False}), 500
    return jsonify({"ok": True, "file": os.path.basename(target)})


@bp.post("/rotate")
def rotate_archive():
    keep_days = int(request.form.get("keep_days", "30"))
    if not 1 <= keep_days <= 365:
        abort(400)
    args = ["find", ARCHIVE_DIR, "-name", "*.sql", "-mtime", f"+{keep_days}", "-delete"]
    subprocess.run(args, check=True, timeout=60)  # safe: CWE-78
    return jsonify({"ok": True, "keep_days": keep_days})


@bp.get("/exports/<path:filename>")
def download_export(filename):
    full_path = os.path.join(EXPORT_DIR, filename)
    if not os.path.exists(full_path):
        abort(404)
    return send_file(full_path, as_attachment=True)  # vuln: CWE-22


@bp.get("/archive/<name>")
def download_archive(name):
    base = os.path.realpath(ARCHIVE_DIR)
    candidate = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, candidate]) != base or not os.path.isfile(candidate):
        abort(404)
    return send_file(candidate, as_attachment=True, download_name=os.path.basename(candidate))  # safe: CWE-22


@bp.teardown_app_request
def close_conn(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()

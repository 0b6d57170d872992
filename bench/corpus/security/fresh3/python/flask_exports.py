"""Report export endpoints for the billing dashboard."""
import logging
import os
import subprocess
from datetime import date

import psycopg2
from flask import Blueprint, abort, current_app, jsonify, request, send_file

bp = Blueprint("exports", __name__, url_prefix="/exports")
log = logging.getLogger(__name__)

EXPORT_DIR = "/srv/billing/exports"
ARCHIVE_DIR = "/srv/billing/archive"
DEFAULT_COLUMNS = "id, customer_id, total_cents, issued_on"


def _conn():
    return psycopg2.connect(current_app.config["BILLING_DSN"])


def _period_clause(args):
    start = args.get("from", date.today().replace(day=1).isoformat())
    end = args.get("to", date.today().isoformat())
    return start, end


@bp.get("/invoices")
def list_invoices():
    sort = request.args.get("sort", "issued_on")
    direction = "DESC" if request.args.get("desc") == "1" else "ASC"
    start, end = _period_clause(request.args)
    query = (
        f"SELECT {DEFAULT_COLUMNS} FROM invoices "
        f"WHERE issued_on BETWEEN %s AND %s ORDER BY {sort} {direction}"
    )
    with _conn() as conn, conn.cursor() as cur:
        cur.execute(query, (start, end))  # vuln: CWE-89
        rows = cur.fetchall()
    return jsonify([dict(zip(("id", "customer", "total", "issued"), r)) for r in rows])


@bp.get("/invoices/<int:invoice_id>/lines")
def invoice_lines(invoice_id):
    currency = request.args.get("currency", "EUR")
    with _conn() as conn, conn.cursor() as cur:
        sql = (
            "SELECT sku, qty, unit_cents FROM invoice_lines "
            "WHERE invoice_id = %s AND currency = %s"
        )
        cur.execute(sql, (invoice_id, currency))  # safe: CWE-89
        lines = cur.fetchall()
    return jsonify(lines)


@bp.get("/download/<path:filename>")
def download(filename):
    target = os.path.join(EXPORT_DIR, filename)
    if not os.path.exists(target):
        abort(404)
    log.info("export download %s", filename)
    return send_file(target, as_attachment=True)  # vuln: CWE-22


@bp.get("/archive/<name>")
def download_archived(name):
    base = os.path.realpath(ARCHIVE_DIR)
    candidate = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, candidate]) != base:
        abort(400)
    return send_file(candidate, as_attachment=True)  # safe: CWE-22


def _extract_text(pdf_path, pages):
    cmd = "pdftotext -f 1 -l %s %s -" % (pages, pdf_path)
    out = subprocess.run(cmd, shell=True, capture_output=True, timeout=30)  # vuln: CWE-78
    return out.stdout.decode("utf-8", "replace")


@bp.post("/preview")
def preview():
    upload = request.files["statement"]
    pages = request.form.get("pages", "2")
    dest = os.path.join(EXPORT_DIR, "incoming", upload.filename.replace("/", "_"))
    upload.save(dest)
    return jsonify({"text": _extract_text(dest, pages)[:4000]})


@bp.post("/compress")
def compress():
    payload = request.get_json(force=True)
    names = payload.get("files", [])
    done = []
    for name in names:
        path = os.path.join(EXPORT_DIR, os.path.basename(name))
        if not os.path.isfile(path):
            continue
        subprocess.run(["gzip", "-kf", "--", path], check=True, timeout=60)  # safe: CWE-78
        done.append(os.path.basename(path) + ".gz")
    return jsonify({"compressed": done})


@bp.get("/summary")
def summary():
    year = int(request.args.get("year", date.today().year))
    with _conn() as conn, conn.cursor() as cur:
        sql = (
            "SELECT date_trunc('month', issued_on), sum(total_cents) FROM invoices "
            "WHERE extract(year FROM issued_on) = %d GROUP BY 1 ORDER BY 1" % year
        )
        cur.execute(sql)  # safe: CWE-89
        months = cur.fetchall()
    return jsonify([{"month": m.isoformat(), "total": t} for m, t in months])

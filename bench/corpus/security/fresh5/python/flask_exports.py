import os
import subprocess
from datetime import date

from flask import Blueprint, abort, current_app, jsonify, request, send_file
from werkzeug.utils import safe_join

from .db import get_connection

bp = Blueprint("exports", __name__, url_prefix="/exports")

EXPORT_DIR = "/srv/app/exports"
ARCHIVE_TOOL = "/usr/bin/zstd"


def _region_clause(region):
    return "WHERE o.region = '" + region + "'"


@bp.get("/orders")
def orders_by_region():
    region = request.args.get("region", "eu")
    sql = "SELECT o.id, o.total, o.created_at FROM orders o " + _region_clause(region)
    conn = get_connection()
    with conn.cursor() as cur:
        cur.execute(sql)  # vuln: CWE-89
        rows = cur.fetchall()
    return jsonify([{"id": r[0], "total": float(r[1]), "created": r[2].isoformat()} for r in rows])


@bp.get("/orders/<int:order_id>")
def order_detail(order_id):
    conn = get_connection()
    with conn.cursor() as cur:
        cur.execute("SELECT id, total, status FROM orders WHERE id = %s", (order_id,))  # safe: CWE-89
        row = cur.fetchone()
    if row is None:
        abort(404)
    return jsonify({"id": row[0], "total": float(row[1]), "status": row[2]})


@bp.get("/download")
def download_export():
    name = request.args["file"]
    full_path = os.path.join(EXPORT_DIR, name)
    if not os.path.exists(full_path):
        abort(404)
    return send_file(full_path, as_attachment=True)  # vuln: CWE-22


@bp.get("/archive/<path:name>")
def download_archive(name):
    target = safe_join(EXPORT_DIR, name)
    if target is None or not os.path.isfile(target):
        abort(404)
    return send_file(target, as_attachment=True)  # safe: CWE-22


@bp.post("/compress")
def compress_export():
    payload = request.get_json(force=True)
    options = {"file": payload.get("file", ""), "level": payload.get("level", "3")}
    cmd = "gzip -{level} -k {dir}/{file}".format(dir=EXPORT_DIR, **options)
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # vuln: CWE-78
    current_app.logger.info("compress finished rc=%s", result.returncode)
    return jsonify({"rc": result.returncode})


@bp.post("/rotate")
def rotate_exports():
    stamp = date.today().strftime("%Y%m%d")
    archive = os.path.join(EXPORT_DIR, f"exports-{stamp}.tar.zst")
    result = subprocess.run([ARCHIVE_TOOL, "-q", "-o", archive, EXPORT_DIR], capture_output=True)  # safe: CWE-78
    return jsonify({"archive": os.path.basename(archive), "rc": result.returncode})

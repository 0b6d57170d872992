"""Document service: thumbnails, downloads and remote imports."""
import os
import subprocess
from urllib.parse import urlparse

import requests
from flask import Blueprint, abort, current_app, jsonify, render_template_string, request, send_file
from werkzeug.security import safe_join

docs_bp = Blueprint("documents", __name__, url_prefix="/documents")

STORAGE_ROOT = os.environ.get("DOC_STORAGE", "/srv/docs")
IMPORT_HOSTS = {"files.partner-cdn.com", "exports.acme-erp.io"}
THUMB_SIZES = {"s": "128x128", "m": "256x256", "l": "512x512"}


def _tenant_dir():
    tenant = request.headers.get("X-Tenant", "default")
    return os.path.join(STORAGE_ROOT, tenant)


@docs_bp.route("/<doc_id>/thumbnail", methods=["POST"])
def make_thumbnail(doc_id):
    size = THUMB_SIZES.get(request.args.get("size", "m"), "256x256")
    src = safe_join(_tenant_dir(), doc_id + ".pdf")
    if src is None or not os.path.isfile(src):
        abort(404)
    out = src[:-4] + "-thumb.png"
    subprocess.run(["convert", "-thumbnail", size, src + "[0]", out], check=True, timeout=30)  # safe: CWE-78
    return jsonify({"thumbnail": os.path.basename(out)})


@docs_bp.route("/convert", methods=["POST"])
def convert_document():
    payload = request.get_json(force=True)
    name = payload.get("name", "")
    fmt = payload.get("format", "pdf")
    cmd = "soffice --headless --convert-to {} --outdir {} {}".format(
        fmt, _tenant_dir(), os.path.join(_tenant_dir(), name))
    result = subprocess.run(cmd, shell=True, capture_output=True, timeout=120)  # vuln: CWE-78
    return jsonify({"ok": result.returncode == 0})


@docs_bp.route("/download")
def download():
    filename = request.args.get("file", "")
    full_path = os.path.join(_tenant_dir(), "exports", filename)
    current_app.logger.debug("serving export")
    return send_file(full_path, as_attachment=True)  # vuln: CWE-22


@docs_bp.route("/archive/<path:name>")
def archived(name):
    path = safe_join(os.path.join(_tenant_dir(), "archive"), name)
    if path is None:
        abort(400)
    return send_file(path)  # safe: CWE-22


def _fetch(url):
    return requests.get(url, timeout=10)


@docs_bp.route("/import", methods=["POST"])
def import_remote():
    source_url = request.form["source_url"]
    resp = _fetch(source_url)  # vuln: CWE-918
    dest = os.path.join(_tenant_dir(), "imports", "latest.bin")
    with open(dest, "wb") as fh:
        fh.write(resp.content)
    return jsonify({"bytes": len(resp.content)})


@docs_bp.route("/import/partner", methods=["POST"])
def import_partner():
    source_url = request.form["source_url"]
    parsed = urlparse(source_url)
    if parsed.scheme != "https" or parsed.hostname not in IMPORT_HOSTS:
        abort(400)
    resp = requests.get(source_url, timeout=10, allow_redirects=False)  # safe: CWE-918
    return jsonify({"status": resp.status_code})


@docs_bp.route("/preview")
def preview_caption():
    caption = request.args.get("caption", "Untitled")
    page = "<html><body><h1>Preview</h1><div>" + caption + "</div></body></html>"
    return render_template_string(page)  # vuln: CWE-1336


@docs_bp.route("/preview/safe")
def preview_caption_escaped():
    caption = request.args.get("caption", "Untitled")
    return render_template_string("<h1>Preview</h1><div>{{ caption }}</div>", caption=caption)

"""Bulk import endpoints: catalogue bundles (tar/zip) and supplier XML price feeds."""
import os
import shutil
import tarfile
import tempfile
import zipfile

from defusedxml import ElementTree as SafeET
from flask import Blueprint, abort, current_app, jsonify, request
from lxml import etree

from catalogue.loader import load_catalogue_dir, load_price_rows

bp = Blueprint("imports", __name__, url_prefix="/imports")

IMPORT_ROOT = os.environ.get("IMPORT_ROOT", "/var/lib/shop/imports")


def _workdir():
    return tempfile.mkdtemp(prefix="bundle-", dir=IMPORT_ROOT)


def _price_rows(root):
    return [(item.get("sku"), item.findtext("price"), item.findtext("currency")) for item in root.iter("item")]


@bp.post("/bundles/tar")
def import_tar_bundle():
    upload = request.files.get("bundle")
    if upload is None:
        abort(400)
    workdir = _workdir()
    archive_path = os.path.join(workdir, "bundle.tar.gz")
    upload.save(archive_path)
    try:
        with tarfile.open(archive_path, "r:gz") as tar:
            tar.extractall(path=workdir)  # vuln: CWE-22
        count = load_catalogue_dir(workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return jsonify(imported=count)


@bp.post("/bundles/zip")
def import_zip_bundle():
    upload = request.files.get("bundle")
    if upload is None:
        abort(400)
    workdir = os.path.realpath(_workdir())
    archive_path = os.path.join(workdir, "bundle.zip")
    upload.save(archive_path)
    try:
        with zipfile.ZipFile(archive_path) as zf:
            for member in zf.infolist():
                target = os.path.realpath(os.path.join(workdir, member.filename))
                if not target.startswith(workdir + os.sep):
                    abort(400, description="archive entry escapes the import directory")
                zf.extract(member, workdir)  # safe: CWE-22
        count = load_catalogue_dir(workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return jsonify(imported=count)


@bp.post("/price-feeds/<supplier>")
def import_price_feed(supplier):
    raw = request.get_data()
    if not raw:
        abort(400)
    if supplier in current_app.config.get("LEGACY_XML_SUPPLIERS", ()):
        # these suppliers still send feeds built from DTD entity templates
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=True, load_dtd=True))  # vuln: CWE-611
        rows = _price_rows(root)
    else:
        root = SafeET.fromstring(raw)  # safe: CWE-611
        rows = _price_rows(root)
    updated = load_price_rows(supplier, rows)
    current_app.logger.info("price feed from %s: %d rows updated", supplier, updated)
    return jsonify(supplier=supplier, updated=updated)

"""Bulk import of supplier price lists (XML feeds, YAML mappings, saved sessions)."""
import base64
import pickle
from dataclasses import dataclass, field

import yaml
from flask import Blueprint, jsonify, render_template_string, request
from lxml import etree

bp = Blueprint("imports", __name__, url_prefix="/imports")

SUMMARY_TEMPLATE = """
<h2>Import summary for {{ supplier }}</h2>
<ul>{% for row in rows %}<li>{{ row.sku }} &ndash; {{ row.price }}</li>{% endfor %}</ul>
"""


@dataclass
class ImportSession:
    supplier: str
    mapping: dict = field(default_factory=dict)
    rows: list = field(default_factory=list)


def _feed_parser():
    return etree.XMLParser(resolve_entities=True, no_network=False, load_dtd=True)


def _parse_feed(raw: bytes):
    root = etree.fromstring(raw, parser=_feed_parser())  # vuln: CWE-611
    items = []
    for node in root.iter("item"):
        items.append(
            {
                "sku": node.findtext("sku", "").strip(),
                "price": node.findtext("price", "0").strip(),
                "currency": node.get("currency", "EUR"),
            }
        )
    return items


def _load_mapping(text: str) -> dict:
    mapping = yaml.safe_load(text) or {}  # safe: CWE-502
    if not isinstance(mapping, dict):
        raise ValueError("mapping must be a dictionary")
    return mapping


def _restore_session(token: str) -> ImportSession:
    blob = base64.urlsafe_b64decode(token.encode())
    return pickle.loads(blob)  # vuln: CWE-502


def _save_session(sess: ImportSession) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(sess)).decode()


@bp.post("/feed")
def upload_feed():
    supplier = request.form["supplier"]
    feed = request.files["feed"].read()
    mapping_file = request.files.get("mapping")
    mapping = _load_mapping(mapping_file.read().decode("utf-8")) if mapping_file else {}
    rows = _parse_feed(feed)
    for row in rows:
        row["sku"] = mapping.get(row["sku"], row["sku"])
    sess = ImportSession(supplier=supplier, mapping=mapping, rows=rows)
    return jsonify({"rows": len(rows), "session": _save_session(sess)})


@bp.post("/resume")
def resume():
    token = request.cookies.get("import_session") or request.form.get("session", "")
    sess = _restore_session(token)
    return jsonify({"supplier": sess.supplier, "rows": len(sess.rows)})


@bp.post("/summary")
def summary():
    sess = _restore_session(request.form["session"])
    html = render_template_string(SUMMARY_TEMPLATE, supplier=sess.supplier, rows=sess.rows[:200])
    return html


@bp.post("/summary/custom")
def custom_summary():
    header = request.form.get("header", "Import summary")
    rows = request.get_json(silent=True) or []
    template = "<h2>" + header + "</h2><p>{{ rows|length }} rows imported</p>"
    return render_template_string(template, rows=rows)  # vuln: CWE-1336

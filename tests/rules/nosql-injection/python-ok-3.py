# bastion-fixture: app/api/catalog.py
# ok: nosql-injection
# An ElementTree path and a substring search take text, not a query document: a string
# cannot carry a NoSQL operator (the XPath built from input is its own finding).
from xml.etree import ElementTree

from flask import Blueprint, jsonify, request

bp = Blueprint("catalog", __name__)
TREE = ElementTree.parse("data/catalog.xml")


@bp.get("/catalog/section")
def section():
    code = request.args.get("code", "")
    path = "./section[@code='" + code.replace("'", "") + "']"
    node = TREE.getroot().find(path)
    body = request.get_json()
    title = "".join(["Section ", body["title"]])
    position = title.find(" - ")
    return jsonify(found=node is not None, dash=position)

# bastion-fixture: app/catalog/filters.py
# ok: xpath-injection
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
FEED = etree.parse("feed.xml")
FIELDS = {"brand", "colour", "size"}


@app.post("/products/filter")
def product_filter():
    criteria = request.get_json() or {}
    keys = [k for k in criteria if k in FIELDS]
    expr = "//product[" + " and ".join("@%s=$%s" % (k, k) for k in keys) + "]"
    compiled = etree.XPath(expr)
    return jsonify(count=len(compiled(FEED, **{k: str(criteria[k]) for k in keys})))

"""Product feed lookups over an XML catalogue (Flask + lxml)."""
from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
FEED = etree.parse("/srv/feeds/products.xml")
SORTABLE = {"price", "name", "rating"}


def _evaluator():
    return etree.XPathEvaluator(FEED)


@app.get("/products/by-brand")
def by_brand():
    brand = request.args.get("brand", "")
    evaluate = etree.XPathEvaluator(FEED)
    names = evaluate("//product[brand='%s']/name/text()" % brand)  # vuln: CWE-643
    return jsonify(names=[str(n) for n in names])


@app.get("/products/by-brand-safe")
def by_brand_safe():
    brand = request.args.get("brand", "")
    evaluate = etree.XPathEvaluator(FEED)
    names = evaluate("//product[brand=$brand]/name/text()", brand=brand)  # safe: CWE-643
    return jsonify(names=[str(n) for n in names])


@app.get("/products/by-tag")
def by_tag():
    tag = request.values.get("tag", "")
    evaluate = _evaluator()
    found = evaluate("//product[tags/tag='" + tag + "']")  # vuln: CWE-643
    return jsonify(count=len(found))


@app.get("/products/field")
def field():
    name = request.args.get("field", "name")
    if name not in SORTABLE:
        abort(400)
    values = FEED.xpath("//product/" + name + "/text()")  # safe: CWE-643
    return jsonify(values=[str(v) for v in values])


@app.get("/products/page")
def page():
    index = int(request.args.get("n", "1"))
    nodes = FEED.xpath("//product[%d]" % index)  # safe: CWE-643
    return jsonify(found=bool(nodes))


@app.post("/products/query")
def query():
    criteria = request.get_json() or {}
    clauses = ["@%s='%s'" % (k, v) for k, v in criteria.items() if k in SORTABLE]
    expr = "//product[" + " and ".join(clauses) + "]"
    compiled = etree.XPath(expr)  # vuln: CWE-643
    return jsonify(count=len(compiled(FEED)))


@app.post("/products/query-safe")
def query_safe():
    criteria = request.get_json() or {}
    keys = [k for k in criteria if k in SORTABLE]
    expr = "//product[" + " and ".join("@%s=$%s" % (k, k) for k in keys) + "]"
    compiled = etree.XPath(expr)  # safe: CWE-643
    return jsonify(count=len(compiled(FEED, **{k: str(criteria[k]) for k in keys})))

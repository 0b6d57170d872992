# bastion-fixture: app/catalog/views.py
import xml.etree.ElementTree as ET

from flask import Flask, request
from lxml import etree

app = Flask(__name__)
CATALOG = etree.parse("catalog.xml")


@app.route("/books")
def books():
    author = request.args.get("author", "")
# expect: xpath-injection
    titles = CATALOG.xpath("//book[author='" + author + "']/title/text()")
    root = ET.parse("catalog.xml").getroot()
    path = f".//book[@isbn='{request.args['isbn']}']"
# expect: xpath-injection
    found = root.findall(path)
# expect: xpath-injection
    finder = etree.XPath("//book[@year='%s']" % request.args["year"])
    return {"titles": titles, "found": len(found), "years": len(finder(CATALOG))}


@app.route("/books/filter", methods=["POST"])
def book_filter():
    criteria = request.get_json() or {}
    clauses = ["@%s='%s'" % (k, v) for k, v in criteria.items() if k in {"isbn", "year"}]
# expect: xpath-injection
    matcher = etree.XPath("//book[" + " and ".join(clauses) + "]")
    return {"n": len(matcher(CATALOG))}

# bastion-fixture: app/catalog/search.py
import xpath
from flask import Flask, jsonify, request
from lxml import etree
from xml.dom import minidom

app = Flask(__name__)
CATALOG = etree.parse("catalog.xml")
DOM = minidom.parse("catalog.xml")


@app.route("/books/by-author")
def by_author():
    author = request.args.get("author", "")
    evaluator = etree.XPathEvaluator(CATALOG)
# expect: xpath-injection
    titles = evaluator("//book[author='" + author + "']/title/text()")
    return jsonify(titles=[str(t) for t in titles])


@app.route("/books/by-isbn")
def by_isbn():
    isbn = request.args.get("isbn", "")
# expect: xpath-injection
    nodes = xpath.find("//book[@isbn='%s']" % isbn, DOM)
    return jsonify(found=len(nodes))

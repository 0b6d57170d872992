# bastion-fixture: app/catalog/search.py
# ok: xpath-injection
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
CATALOG = etree.parse("catalog.xml")


@app.route("/books/by-author")
def by_author():
    author = request.args.get("author", "")
    evaluator = etree.XPathEvaluator(CATALOG)
    titles = evaluator("//book[author=$name]/title/text()", name=author)
    return jsonify(titles=[str(t) for t in titles])

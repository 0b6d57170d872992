# bastion-fixture: app/people/search.py
# ok: xpath-injection
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
PEOPLE = etree.parse("people.xml")


def xpath_literal(value):
    """The value as an XPath 1.0 string literal, whatever quotes it holds."""
    if "'" not in value:
        return "'" + value + "'"
    if '"' not in value:
        return '"' + value + '"'
    return "concat('" + value.replace("'", "', \"'\", '") + "')"


@app.route("/people")
def people():
    name = request.args.get("name", "")
    found = PEOPLE.xpath("//person[@name=" + xpath_literal(name) + "]")
    return jsonify(n=len(found))

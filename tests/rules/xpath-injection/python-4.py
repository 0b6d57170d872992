# bastion-fixture: app/people/lookup.py
from flask import Flask, current_app, jsonify, request
from lxml import etree

app = Flask(__name__)
PEOPLE = etree.parse("people.xml")


@app.get("/people/by-name")
def by_name():
    name = request.args.get("name", "")
    if "'" in name:
        current_app.logger.warning("quote in a name lookup: %r", name)
# expect: xpath-injection
    return jsonify(n=len(PEOPLE.xpath("//person[@name='" + name + "']")))


@app.get("/people/by-city")
def by_city():
    city = request.args.get("city", "")
    if "'" in city:
# expect: xpath-injection
        return jsonify(n=len(PEOPLE.xpath(f"//person[city='{city}']")))
    return jsonify(n=0)

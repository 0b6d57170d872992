# bastion-fixture: app/people/lookup.py
# ok: xpath-injection
from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
PEOPLE = etree.parse("people.xml")


@app.get("/people/by-name")
def by_name():
    name = request.args.get("name", "")
    if "'" in name or '"' in name:
        abort(400)
    return jsonify(n=len(PEOPLE.xpath("//person[@name='" + name + "']")))


@app.get("/people/by-city")
def by_city():
    city = request.args.get("city", "")
    if "'" not in city:
        return jsonify(n=len(PEOPLE.xpath(f"//person[city='{city}']")))
    return jsonify(error="bad city"), 400

# bastion-fixture: app/staff/views.py
# ok: xpath-injection
import xml.etree.ElementTree as ET

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/staff")
def staff():
    registry = ET.parse("staff.xml")
    name = request.args["name"]
    people = [p for p in registry.findall(".//person") if p.get("name") == name]
    label = request.args.get("label", "")
    at = label.find(name)
    return jsonify(n=len(people), at=at)

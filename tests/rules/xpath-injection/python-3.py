# bastion-fixture: app/staff/views.py
import xml.etree.ElementTree as ET

from flask import Flask, jsonify, request

app = Flask(__name__)


def staff_path(name):
    return ".//person[@name='" + name + "']"


@app.route("/staff")
def staff():
    registry = ET.parse("staff.xml")
# expect: xpath-injection
    people = registry.findall(staff_path(request.args["name"]))
    top = registry.getroot()
# expect: xpath-injection
    email = top.findtext(staff_path(request.args["name"]) + "/email")
    return jsonify(n=len(people), email=email)

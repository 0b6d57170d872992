# bastion-fixture: app/staff/filters.py
# ok: xpath-injection
import defusedxml.ElementTree as SafeET
from flask import Flask, jsonify, request

app = Flask(__name__)
NAMES = ["ada", "grace", "linus"]


@app.get("/staff/by-title")
def by_title():
    title = request.args.get("title", "")
    staff = SafeET.parse("staff.xml").getroot()
    ids = [p.get("id") for p in staff.iter("person") if p.findtext("title") == title]
    names = [n for n in NAMES if n.find(request.args.get("q", "")) >= 0]
    return jsonify(ids=ids, names=names)

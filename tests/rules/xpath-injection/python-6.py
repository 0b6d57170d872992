# bastion-fixture: app/staff/filters.py
import defusedxml.ElementTree as SafeET
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/staff/by-nick")
def by_nick():
    nick = request.args.get("nick", "")
    staff = SafeET.parse("staff.xml").getroot()
    found = []
    for person in staff.iter("person"):
# expect: xpath-injection
        if person.find("nick[.='" + nick + "']") is not None:
            found.append(person.get("id"))
    return jsonify(ids=found)


@app.get("/staff/by-title")
def by_title():
    title = request.args.get("title", "")
    staff = SafeET.parse("staff.xml").getroot()
# expect: xpath-injection
    ids = [p.get("id") for p in staff.iter("person") if p.find(f"title[text()='{title}']") is not None]
    return jsonify(ids=ids)

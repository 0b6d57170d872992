# bastion-fixture: app/reports/views.py
# A filter document parsed from the query string, and a `$where` built from it: both
# reach MongoDB as operators the client wrote.
import json

from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient().reports


@app.get("/reports")
def reports():
    raw = request.args.get("filter", "{}")
    wanted = json.loads(raw)
    # expect: nosql-injection
    return jsonify([str(d["_id"]) for d in db.reports.find(wanted)])


@app.get("/reports/expensive")
def expensive():
    floor = request.args["min"]
    # expect: nosql-injection
    cursor = db.reports.find({"$where": "this.total > " + floor})
    return jsonify([str(d["_id"]) for d in cursor])

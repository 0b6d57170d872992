# bastion-fixture: app/api/accounts.py
from flask import Blueprint, jsonify, request
from pymongo import MongoClient

bp = Blueprint("accounts", __name__)
db = MongoClient()["shop"]


@bp.post("/accounts/lookup")
def lookup():
    body = request.get_json()
    # {"email": {"$regex": ".*"}} in the JSON body matches every account.
# expect: nosql-injection
    account = db.accounts.find_one({"email": body["email"]})
    if account is None:
        return jsonify(error="not found"), 404
    return jsonify(id=str(account["_id"]))

# bastion-fixture: app/catalog/views.py
# ok: nosql-injection
# Query-string, form and header values are strings in Flask: as a field's value or an
# escaped pattern they cannot become an operator object.
import re

from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient().shop


@app.get("/products")
def search_products():
    text = request.args.get("q", "")
    criteria = {"active": True}
    if text:
        criteria["name"] = {"$regex": re.escape(text), "$options": "i"}
    brand = request.args.get("brand")
    if brand:
        criteria["brand"] = brand
    region = request.headers.get("X-Region", "eu")
    criteria["region"] = region
    return jsonify([str(d["_id"]) for d in db.products.find(criteria)])


@app.post("/products/by-sku")
def by_sku():
    sku = request.form["sku"]
    doc = db.products.find_one({"sku": sku, "active": True})
    return jsonify({"found": doc is not None})

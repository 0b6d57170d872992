"""Product catalogue search service backed by MongoDB."""
import os
import re

from bson import ObjectId
from bson.errors import InvalidId
from flask import Flask, abort, jsonify, request
from pymongo import ASCENDING, MongoClient

app = Flask(__name__)
client = MongoClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"))
db = client["catalog"]

PAGE_SIZE = 25
SORTABLE = {"name": "name", "price": "price_cents", "newest": "created_at"}


def _page():
    try:
        return max(int(request.args.get("page", 1)), 1)
    except ValueError:
        return 1


def _serialize(doc):
    doc["id"] = str(doc.pop("_id"))
    return doc


@app.get("/products")
def search_products():
    text = request.args.get("q", "")
    sort_key = SORTABLE.get(request.args.get("sort", "name"), "name")
    criteria = {"active": True}
    if text:
        criteria["name"] = {"$regex": re.escape(text), "$options": "i"}
    brand = request.args.get("brand")
    if brand:
        criteria["brand"] = str(brand)
    cursor = db.products.find(criteria)  # safe: CWE-943
    cursor = cursor.sort(sort_key, ASCENDING).skip((_page() - 1) * PAGE_SIZE).limit(PAGE_SIZE)
    return jsonify([_serialize(d) for d in cursor])


@app.get("/products/<product_id>")
def get_product(product_id):
    try:
        oid = ObjectId(product_id)
    except InvalidId:
        abort(404)
    doc = db.products.find_one({"_id": oid, "active": True})
    if doc is None:
        abort(404)
    return jsonify(_serialize(doc))


@app.post("/products/filter")
def filter_products():
    body = request.get_json(force=True)
    max_price = body.get("max_price", 100000)
    category = body.get("category", "")
    expr = "this.price_cents <= %s && this.category == '%s'" % (max_price, category)
    docs = db.products.find({"$where": expr, "active": True}).limit(PAGE_SIZE)  # vuln: CWE-943
    return jsonify([_serialize(d) for d in docs])


@app.get("/stats/brands")
def brand_stats():
    pipeline = [
        {"$match": {"active": True}},
        {"$group": {"_id": "$brand", "count": {"$sum": 1}, "avg": {"$avg": "$price_cents"}}},
        {"$sort": {"count": -1}},
        {"$limit": 50},
    ]
    return jsonify(list(db.products.aggregate(pipeline)))


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "5050"))
    app.run(host="0.0.0.0", port=port, debug=True)  # vuln: CWE-489

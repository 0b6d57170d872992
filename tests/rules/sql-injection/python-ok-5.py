# bastion-fixture: app/catalog/columns.py
# ok: sql-injection
from flask import Flask, jsonify, request

app = Flask(__name__)
COLUMNS = ("name", "price", "created_at")


@app.get("/products/columns")
def product_columns(db):
    wanted = [c for c in request.args.getlist("col") if c in COLUMNS]
    rows = db.execute("SELECT " + ", ".join(wanted or ["name"]) + " FROM products").fetchall()
    return jsonify(rows=[list(r) for r in rows])

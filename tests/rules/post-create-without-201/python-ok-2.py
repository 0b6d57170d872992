# bastion-fixture: app/views.py
# ok: post-create-without-201
from flask import Flask, jsonify, request

app = Flask(__name__)

@app.route("/items", methods=["POST"])
def create():
    db.session.add(Item(name=request.json['name']))
    db.session.commit()
    return jsonify(ok=True), 201

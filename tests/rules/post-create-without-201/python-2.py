# bastion-fixture: app/views.py
from flask import Flask, jsonify, request

app = Flask(__name__)

@app.route("/items", methods=["POST"])
def create():
    item = Item(name=request.json['name'])
    db.session.add(item)
    db.session.commit()
# expect: post-create-without-201
    return jsonify(item.to_dict())

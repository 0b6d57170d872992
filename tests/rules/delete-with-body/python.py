# bastion-fixture: app/views.py
from flask import Flask, jsonify, request

app = Flask(__name__)

@app.delete("/items")
def remove():
# expect: delete-with-body
    ids = request.get_json()['ids']
    return jsonify(deleted=delete_items(ids))

# bastion-fixture: app/views.py
# ok: delete-with-body
from flask import Flask, jsonify, request

app = Flask(__name__)

@app.delete("/items/<int:item_id>")
def remove(item_id):
    return jsonify(deleted=delete_items([item_id]))

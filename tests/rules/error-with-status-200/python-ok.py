# bastion-fixture: app/views.py
# ok: error-with-status-200
from flask import Flask, jsonify, request

app = Flask(__name__)

@app.get("/users/<int:user_id>")
def user(user_id):
    found = find_user(user_id)
    if found is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(found)

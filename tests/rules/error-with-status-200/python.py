# bastion-fixture: app/views.py
from flask import Flask, jsonify, request

app = Flask(__name__)

@app.get("/users/<int:user_id>")
def user(user_id):
    found = find_user(user_id)
    if found is None:
# expect: error-with-status-200
        return jsonify({"error": "not found"})
    return jsonify(found)

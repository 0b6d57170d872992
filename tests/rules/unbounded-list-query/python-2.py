# bastion-fixture: app/views.py
from flask import Flask, jsonify, request

app = Flask(__name__)

@app.get("/api/users")
def users():
# expect: unbounded-list-query
    return jsonify([u.to_dict() for u in User.objects.all()])

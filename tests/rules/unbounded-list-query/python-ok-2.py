# bastion-fixture: app/views.py
# ok: unbounded-list-query
from flask import Flask, jsonify, request

app = Flask(__name__)

@app.get("/api/users")
def users():
    return jsonify([u.to_dict() for u in User.objects.filter(team=g.team)])

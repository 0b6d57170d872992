# bastion-fixture: app/views.py
from flask import Blueprint, jsonify

bp = Blueprint("profile", __name__)

# expect: api-verb-in-path
@bp.route("/api/v1/update-profile", methods=["POST"])
def update_profile():
    return jsonify(ok=True)

# bastion-fixture: app/api/reports.py
import traceback

from flask import Blueprint, jsonify

bp = Blueprint("reports", __name__)


@bp.get("/reports/<int:report_id>")
def report(report_id):
    try:
        return jsonify(build_report(report_id))
    except Exception:
# expect: stack-trace-in-response
        return jsonify({"error": "failed", "trace": traceback.format_exc()}), 500

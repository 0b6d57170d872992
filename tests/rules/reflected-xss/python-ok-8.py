# bastion-fixture: app/blueprint/export.py
# ok: reflected-xss
from flask import make_response, request


# The body goes out as CSV: a browser does not run it as markup.
def export_rows():
    rows = request.args.get("rows", "")
    response = make_response(rows)
    response.headers["Content-Type"] = "text/csv"
    return response

# bastion-fixture: app/views.py
from flask import request, session


@app.post("/prefs")
def prefs():
    role = request.form["role"]
    # expect: trust-boundary-violation
    session["role"] = role
    return "saved"

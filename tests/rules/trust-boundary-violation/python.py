# bastion-fixture: app/views.py
from flask import request, session


@app.post("/prefs")
def prefs():
    role = request.form["role"]
    # expect: trust-boundary-violation
    session["role"] = role
    return "saved"


@app.post("/prefs/raw")
def raw_pref():
    key = request.args["key"]
# expect: trust-boundary-violation
    session[key] = "1"
    return "ok"

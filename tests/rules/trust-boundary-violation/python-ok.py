# bastion-fixture: app/views.py
# ok: trust-boundary-violation
from flask import request, session

THEMES = {"light", "dark"}


@app.post("/prefs")
def prefs():
    theme = request.form["theme"]
    if theme in THEMES:
        session["theme"] = theme
    session["seen"] = True
    return "saved"

# bastion-fixture: app/views/tokens.py
# ok: trust-boundary-violation
from flask import redirect, request, session

from app.models import ApiToken


@app.post("/tokens")
def create_token():
    # Kept only to show the new token to its owner once on the next page.
    token = ApiToken(name=request.form.get("name", "API token"))
    token.save()
    session["new_token_key"] = token.key
    session["new_token_name"] = token.name
    return redirect("/settings")

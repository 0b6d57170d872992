# bastion-fixture: app/authentication/oauth.py
# ok: trust-boundary-violation
from flask import Blueprint, redirect, request, session, url_for

from app.authentication import get_next_path, oauth

blueprint = Blueprint("oauth", __name__)


@blueprint.route("/oauth/login")
def login():
    # Kept for the way back from the provider; checked by get_next_path where it is used.
    session["next_url"] = request.args.get("next", url_for("index"))
    session["return_to"] = request.referrer
    return oauth.google.authorize_redirect(url_for("oauth.authorized", _external=True))


@blueprint.route("/oauth/authorized")
def authorized():
    return redirect(get_next_path(session.pop("next_url", "")))

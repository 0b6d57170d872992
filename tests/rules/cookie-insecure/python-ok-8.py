# bastion-fixture: app/views.py
# ok: cookie-insecure
# A constant flag marks that the page was loaded: the same for every visitor.
from flask import make_response, render_template


def index():
    resp = make_response(render_template("index.html"))
    resp.set_cookie("r", "1")
    return resp

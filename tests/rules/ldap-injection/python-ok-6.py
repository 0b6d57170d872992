# bastion-fixture: app/directory/views.py
# ok: ldap-injection
import ldap
from flask import Flask, jsonify, render_template
from ldap.filter import escape_filter_chars

from app.forms import LookupForm
from app.hosts import Platform

app = Flask(__name__)
PEOPLE = "ou=people,dc=example,dc=org"


@app.route("/lookup", methods=["GET", "POST"])
def lookup():
    form = LookupForm()
    if form.validate_on_submit():
        uid = escape_filter_chars(form.uid.data)
        handle = ldap.initialize("ldap://directory.internal")
        rows = handle.search_s(PEOPLE, ldap.SCOPE_SUBTREE, "(uid=%s)" % uid)
        return jsonify(rows=len(rows))
    return render_template("lookup.html", form=form)


@app.route("/hosts")
def hosts():
    unit = Platform().ldap_unit()
    handle = ldap.initialize("ldap://directory.internal")
    rows = handle.search_s(f"ou={unit},dc=example,dc=org", ldap.SCOPE_SUBTREE, "(objectClass=device)")
    return jsonify(rows=len(rows))

# bastion-fixture: app/directory/views.py
import ldap
from flask import Flask, jsonify, render_template
from ldap3 import Connection, Server

from app.forms import GroupForm, LookupForm

app = Flask(__name__)
PEOPLE = "ou=people,dc=example,dc=org"


@app.route("/lookup", methods=["GET", "POST"])
def lookup():
    form = LookupForm()
    if form.validate_on_submit():
        uid = form.uid.data
        handle = ldap.initialize("ldap://directory.internal")
# expect: ldap-injection
        rows = handle.search_s(PEOPLE, ldap.SCOPE_SUBTREE, "(uid=%s)" % uid)
        return jsonify(rows=len(rows))
    return render_template("lookup.html", form=form)


@app.route("/groups", methods=["GET", "POST"])
def groups():
    form = GroupForm()
    if not form.validate_on_submit():
        return render_template("groups.html", form=form)
    conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
# expect: ldap-injection
    conn.search("ou=groups,dc=example,dc=org", f"(cn={form.name.data})")
    return jsonify(n=len(conn.entries))

# bastion-fixture: app/directory/lookup.py
# ok: ldap-injection
import re

import ldap
import ldap.dn
from flask import Flask, abort, jsonify, request
from ldap3.utils.conv import escape_bytes

app = Flask(__name__)
PEOPLE = "ou=people,dc=example,dc=org"


@app.get("/people/<uid>")
def person(uid):
    dn = ldap.dn.dn2str([[("uid", uid, ldap.AVA_STRING)], [("ou", "people", 1)], [("dc", "example", 1)], [("dc", "org", 1)]])
    conn = ldap.initialize("ldap://directory.internal")
    return jsonify(rows=len(conn.search_s(dn, ldap.SCOPE_BASE)))


@app.get("/people/by-guid")
def by_guid():
    guid = request.args.get("guid", "").encode()
    conn = ldap.initialize("ldap://directory.internal")
    rows = conn.search_s(PEOPLE, ldap.SCOPE_SUBTREE, "(objectGUID=%s)" % escape_bytes(guid))
    return jsonify(rows=len(rows))


@app.get("/people/by-login")
def by_login():
    login = request.args.get("login", "")
    if not re.fullmatch(r"[a-z0-9._-]{1,32}", login):
        abort(400)
    conn = ldap.initialize("ldap://directory.internal")
    rows = conn.search_s(PEOPLE, ldap.SCOPE_SUBTREE, "(uid=%s)" % login)
    return jsonify(rows=len(rows))

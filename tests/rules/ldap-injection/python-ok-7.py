# bastion-fixture: app/auth/ldap_login.py
# ok: ldap-injection
import ldap3
from flask import Flask, jsonify, request
from ldap3.utils.dn import escape_rdn

app = Flask(__name__)
SERVER = ldap3.Server("ldap://directory.internal")


@app.post("/login")
def login():
    username = escape_rdn(request.form["username"])
    conn = ldap3.Connection(SERVER, "uid=" + username + ",ou=people,dc=example,dc=org", request.form["password"])
    return jsonify(ok=conn.bind())


@app.post("/login/upn")
def login_upn():
    conn = ldap3.Connection(SERVER, request.form["username"] + "@corp.example", request.form["password"])
    return jsonify(ok=conn.bind())

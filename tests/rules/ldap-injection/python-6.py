# bastion-fixture: app/auth/ldap_login.py
import ldap3
from flask import Flask, jsonify, request

app = Flask(__name__)
SERVER = ldap3.Server("ldap://directory.internal")


@app.post("/login")
def login():
    username = request.form["username"]
# expect: ldap-injection
    conn = ldap3.Connection(SERVER, "uid=" + username + ",ou=people,dc=example,dc=org", request.form["password"])
    return jsonify(ok=conn.bind())


@app.post("/login/switch")
def switch_user():
    username = request.form["username"]
    conn = ldap3.Connection(SERVER)
# expect: ldap-injection
    conn.rebind(user=f"uid={username},ou=people,dc=example,dc=org", password=request.form["password"])
    return jsonify(ok=True)

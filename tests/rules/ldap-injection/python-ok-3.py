# bastion-fixture: app/people/directory.py
# ok: ldap-injection
from flask import Flask, jsonify, request
from ldap3 import Connection, Server

app = Flask(__name__)
SPECIAL = {"*": "\\2a", "(": "\\28", ")": "\\29", "\\": "\\5c", "\x00": "\\00"}


def escape_ldap_value(value):
    """RFC 4515 escaping of a value put in a search filter."""
    return "".join(SPECIAL.get(ch, ch) for ch in value)


@app.route("/people")
def people():
    uid = request.args.get("uid", "")
    conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
    conn.search("ou=people,dc=example,dc=org", "(uid=%s)" % escape_ldap_value(uid))
    return jsonify(n=len(conn.entries))

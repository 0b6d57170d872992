# bastion-fixture: app/directory/bonsai_views.py
import bonsai
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/people")
def people():
    name = request.args.get("name", "")
    client = bonsai.LDAPClient("ldap://directory.internal")
    with client.connect() as conn:
# expect: ldap-injection
        rows = conn.search("ou=people,dc=example,dc=org", bonsai.LDAPSearchScope.SUBTREE, filter_exp="(cn=%s)" % name)
        return jsonify(n=len(rows))

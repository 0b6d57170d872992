# bastion-fixture: app/directory/people.py
import ldap
from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
PEOPLE = "ou=people,dc=example,dc=org"


def _directory():
    return Connection(Server("ldap://directory.internal"), auto_bind=True)


def _person_filter(uid):
    return "(&(objectClass=inetOrgPerson)(uid=%s))" % uid


@app.route("/people/<uid>")
def person(uid):
    client = _directory()
    flt = _person_filter(uid)
# expect: ldap-injection
    client.search(search_base=PEOPLE, search_filter=flt, search_scope=SUBTREE)
    return jsonify(found=len(client.entries))


@app.route("/teams")
def team_members():
    team = request.args.get("team", "")
    base = "ou=%s,dc=example,dc=org" % team
    reader = _directory()
# expect: ldap-injection
    reader.search(base, "(objectClass=person)", attributes=["cn", "mail"])
    return jsonify(found=len(reader.entries))


@app.route("/account")
def account():
    uid = request.args["uid"]
    user_dn = "uid={},{}".format(uid, PEOPLE)
    handle = ldap.initialize("ldap://directory.internal")
# expect: ldap-injection
    rows = handle.search_s(user_dn, ldap.SCOPE_BASE)
    group = request.args.get("group", "")
# expect: ldap-injection
    msgid = handle.search("cn=" + group + ",ou=groups,dc=example,dc=org", ldap.SCOPE_BASE)
    return jsonify(rows=len(rows), msgid=msgid)

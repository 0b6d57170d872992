# bastion-fixture: app/directory/teams.py
# ok: ldap-injection
import re

import ldap
from flask import Flask, current_app, jsonify, request
from ldap3 import Connection, Server
from ldap3.utils.dn import escape_rdn

app = Flask(__name__)


def _directory():
    return Connection(Server("ldap://directory.internal"), auto_bind=True)


class TeamIndex:
    """An in-memory index of team names, searched by prefix."""

    def __init__(self):
        self.names = ["platform", "payments", "search"]

    def search(self, prefix):
        return [n for n in self.names if n.startswith(prefix)]


@app.route("/teams")
def team_members():
    team = request.args.get("team", "")
    base = "ou=%s,dc=example,dc=org" % ldap.dn.escape_dn_chars(team)
    reader = _directory()
    reader.search(base, "(objectClass=person)", attributes=["cn"])
    other = "ou=%s,dc=example,dc=org" % escape_rdn(request.args.get("unit", ""))
    reader.search(other, "(objectClass=person)")
    return jsonify(found=len(reader.entries))


@app.route("/teams/suggest")
def suggest():
    prefix = request.args.get("q", "")
    index = TeamIndex()
    names = index.search(prefix)
    matched = re.search(prefix, "platform payments search")
    config_base = current_app.config["LDAP_TEAMS_BASE"]
    _directory().search(config_base, "(objectClass=groupOfNames)")
    return jsonify(names=names, matched=bool(matched))

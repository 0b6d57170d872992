"""Group and team pages backed by the company directory (Flask + ldap3)."""
from flask import Blueprint, current_app, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from ldap3.utils.dn import escape_rdn

bp = Blueprint("groups", __name__)
GROUPS_BASE = "ou=groups,dc=corp,dc=example"
PEOPLE_BASE = "ou=people,dc=corp,dc=example"


def directory():
    server = Server(current_app.config["LDAP_URL"], use_ssl=True)
    return Connection(server, current_app.config["LDAP_BIND_DN"], current_app.config["LDAP_PASSWORD"], auto_bind=True)


def member_filter(uid):
    return "(&(objectClass=groupOfNames)(member=uid=%s,%s))" % (uid, PEOPLE_BASE)


@bp.get("/groups/of/<uid>")
def groups_of(uid):
    reader = directory()
    reader.search(search_base=GROUPS_BASE, search_filter=member_filter(uid), search_scope=SUBTREE, attributes=["cn"])  # vuln: CWE-90
    return jsonify(groups=[e.cn.value for e in reader.entries])


@bp.get("/groups/of-safe/<uid>")
def groups_of_safe(uid):
    reader = directory()
    flt = member_filter(escape_filter_chars(uid))
    reader.search(search_base=GROUPS_BASE, search_filter=flt, search_scope=SUBTREE)  # safe: CWE-90
    return jsonify(groups=[e.cn.value for e in reader.entries])


@bp.get("/teams")
def team():
    unit = request.args.get("unit", "engineering")
    base = f"ou={unit},{PEOPLE_BASE}"
    reader = directory()
    reader.search(base, "(objectClass=inetOrgPerson)", attributes=["cn", "mail"])  # vuln: CWE-90
    return jsonify(people=[e.mail.value for e in reader.entries])


@bp.get("/teams/safe")
def team_safe():
    unit = request.args.get("unit", "engineering")
    base = "ou={},{}".format(escape_rdn(unit), PEOPLE_BASE)
    reader = directory()
    reader.search(base, "(objectClass=inetOrgPerson)", attributes=["cn", "mail"])  # safe: CWE-90
    return jsonify(people=[e.mail.value for e in reader.entries])


@bp.get("/teams/configured")
def team_configured():
    reader = directory()
    reader.search(current_app.config["LDAP_TEAM_BASE"], current_app.config["LDAP_TEAM_FILTER"])  # safe: CWE-90
    return jsonify(people=len(reader.entries))


@bp.post("/groups/search")
def search_groups():
    body = request.get_json(force=True)
    terms = ["(cn=%s*)" % t for t in body.get("terms", [])]
    flt = "(|" + "".join(terms) + ")"
    reader = directory()
    for entry in reader.extend.standard.paged_search(GROUPS_BASE, flt, attributes=["cn"]):  # vuln: CWE-90
        yield_entry(entry)
    return jsonify(ok=True)

"""People search against the company directory (ldap3 and python-ldap)."""

import ldap
from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars as ldap3_escape
from ldap.filter import escape_filter_chars

app = Flask(__name__)
BASE = "ou=people,dc=example,dc=com"
server = Server("ldap://directory.internal")


def directory() -> Connection:
    return Connection(server, auto_bind=True)


@app.get("/people")
def people():
    name = request.args.get("q", "")
    conn = directory()
    conn.search(BASE, f"(cn={name})", attributes=["mail"])  # vuln: CWE-90
    return jsonify([e.entry_to_json() for e in conn.entries])


@app.get("/people/safe")
def people_safe():
    name = request.args.get("q", "")
    conn = directory()
    conn.search(BASE, f"(cn={ldap3_escape(name)})", attributes=["mail"])  # safe: CWE-90
    return jsonify([e.entry_to_json() for e in conn.entries])


@app.get("/people/by-mail")
def by_mail():
    mail = request.cookies.get("mail", "")
    c = directory()
    c.search(search_base=BASE, search_filter="(mail=" + mail + ")", search_scope=SUBTREE)  # vuln: CWE-90
    return jsonify(len(c.entries))


@app.get("/groups")
def groups():
    group = request.args["group"]
    filt = "(&(objectClass=groupOfNames)(cn=%s))" % group
    directory_conn = directory()
    directory_conn.search(BASE, filt)  # vuln: CWE-90
    return jsonify(len(directory_conn.entries))


@app.get("/groups/safe")
def groups_safe():
    group = request.args["group"]
    filt = "(&(objectClass=groupOfNames)(cn=%s))" % escape_filter_chars(group)
    directory_conn = directory()
    directory_conn.search(BASE, filt)  # safe: CWE-90
    return jsonify(len(directory_conn.entries))


@app.get("/legacy/uid")
def legacy_uid():
    uid = request.args.get("uid", "")
    handle = ldap.initialize("ldap://directory.internal")
    rows = handle.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid={})".format(uid))  # vuln: CWE-90
    return jsonify(len(rows))


@app.get("/legacy/uid/safe")
def legacy_uid_safe():
    uid = request.args.get("uid", "")
    handle = ldap.initialize("ldap://directory.internal")
    query = "(uid={})".format(escape_filter_chars(uid))
    rows = handle.search_s(BASE, ldap.SCOPE_SUBTREE, query)  # safe: CWE-90
    return jsonify(len(rows))


@app.get("/legacy/manager")
def legacy_manager():
    parts = request.headers.get("X-Manager", "x y").split()
    who = parts[1]
    handle = ldap.initialize("ldap://directory.internal")
    rows = handle.search_s(BASE, ldap.SCOPE_ONELEVEL, filterstr="(manager=" + who + ")")  # vuln: CWE-90
    return jsonify(len(rows))


@app.get("/legacy/static")
def legacy_static():
    uid = request.args.get("uid", "")
    picks = ["admins", uid]
    handle = ldap.initialize("ldap://directory.internal")
    rows = handle.search_s(BASE, ldap.SCOPE_SUBTREE, "(cn=" + picks[0] + ")")  # safe: CWE-90
    return jsonify(len(rows))

"""Directory lookups (python-ldap)."""

import ldap
from flask import Flask, request

app = Flask(__name__)


def user_filter(name):
    return f"(&(objectClass=person)(uid={name}))"


@app.route("/who")
def who():
    name = request.args.get("name", "")
    l = ldap.initialize("ldap://dir")
    msgid = l.search("ou=people,dc=corp", ldap.SCOPE_SUBTREE, "(uid=" + name + ")")  # vuln: CWE-90
    return str(l.result(msgid))


@app.route("/who2")
def who2():
    name = request.args.get("name", "")
    directory = ldap.initialize("ldap://dir")
    found = directory.search_s("ou=people,dc=corp", ldap.SCOPE_SUBTREE, user_filter(name))  # vuln: CWE-90
    return str(found)


@app.route("/who3")
def who3():
    name = request.args.get("name", "")
    ad = ldap.initialize("ldap://dir")
    found = ad.search_ext_s("ou=people,dc=corp", ldap.SCOPE_SUBTREE, filterstr="(cn=%s)" % ldap.filter.escape_filter_chars(name))  # safe: CWE-90
    return str(found)


@app.route("/grep")
def grep():
    words = request.args.get("w", "")
    return str([w for w in words.split() if w.isalpha()].index("x"))

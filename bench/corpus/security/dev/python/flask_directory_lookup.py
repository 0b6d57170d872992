"""Directory and catalog lookups."""

import xml.etree.ElementTree as ET

import elementpath
import ldap
import ldap3
from flask import Flask, request
from ldap3.utils.conv import escape_filter_chars
from lxml import etree

app = Flask(__name__)
CATALOG = etree.parse("catalog.xml")
USERS = ET.parse("users.xml")


@app.route("/book")
def book():
    title = request.args.get("title", "")
    found = CATALOG.xpath("//book[title='" + title + "']/price/text()")  # vuln: CWE-643
    return {"price": [str(x) for x in found]}


@app.route("/book-safe")
def book_safe():
    title = request.args.get("title", "")
    found = CATALOG.xpath("//book[title=$t]/price/text()", t=title)  # safe: CWE-643
    return {"price": [str(x) for x in found]}


@app.route("/book-compiled")
def book_compiled():
    author = request.form.get("author", "")
    finder = etree.XPath(f"//book[author='{author}']")  # vuln: CWE-643
    return {"count": len(finder(CATALOG))}


@app.route("/user-node")
def user_node():
    name = request.args.get("name", "")
    root = USERS.getroot()
    nodes = root.findall(".//user[@name='" + name + "']")  # vuln: CWE-643
    return {"count": len(nodes)}


@app.route("/user-node2")
def user_node2():
    name = request.args.get("name", "")
    query = "./user[@name='%s']/email" % name
    return {"email": USERS.findtext(query)}  # vuln: CWE-643


@app.route("/ep")
def ep():
    role = request.args.get("role", "")
    hits = elementpath.select(USERS.getroot(), "//user[@role='" + role + "']")  # vuln: CWE-643
    return {"count": len(hits)}


@app.route("/people")
def people():
    uid = request.args.get("uid", "")
    conn = ldap3.Connection(ldap3.Server("ldap://dir"), auto_bind=True)
    conn.search("ou=people,dc=corp", f"(uid={uid})", attributes=["cn"])  # vuln: CWE-90
    return {"n": len(conn.entries)}


@app.route("/people-safe")
def people_safe():
    uid = request.args.get("uid", "")
    conn = ldap3.Connection(ldap3.Server("ldap://dir"), auto_bind=True)
    conn.search("ou=people,dc=corp", f"(uid={escape_filter_chars(uid)})", attributes=["cn"])  # safe: CWE-90
    return {"n": len(conn.entries)}


@app.route("/groups")
def groups():
    group = request.args.get("group", "")
    directory = ldap.initialize("ldap://dir")
    flt = "(&(objectClass=group)(cn=" + group + "))"
    res = directory.search_s("ou=groups,dc=corp", ldap.SCOPE_SUBTREE, flt)  # vuln: CWE-90
    return {"n": len(res)}


@app.route("/mail")
def mail():
    mail = request.args.get("mail", "")
    server = ldap3.Server("ldap://dir")
    with ldap3.Connection(server) as c:
        c.search(search_base="dc=corp", search_filter="(mail=%s)" % mail)  # vuln: CWE-90
        return {"n": len(c.entries)}

"""Directory administration (ldap3, python-ldap, lxml)."""

import ldap
from flask import Flask, jsonify, request
from ldap3 import Connection, Server
from ldap3.utils import conv
from lxml import etree

app = Flask(__name__)
SERVER = Server("ldaps://dir.internal")
ROOT = etree.parse("/srv/dir/export.xml").getroot()


class Directory:
    def __init__(self) -> None:
        self.conn = Connection(SERVER, auto_bind=True)
        self.ldap_conn = ldap.initialize("ldaps://dir.internal")

    def find_user(self, uid: str) -> int:
        self.conn.search("ou=people,dc=corp", "(uid=%s)" % uid)  # vuln: CWE-90
        return len(self.conn.entries)

    def find_user_safe(self, uid: str) -> int:
        self.conn.search("ou=people,dc=corp", "(uid=%s)" % conv.escape_filter_chars(uid))  # safe: CWE-90
        return len(self.conn.entries)

    def by_mail(self, mail: str) -> list:
        flt = f"(&(objectClass=person)(mail={mail}))"
        return self.ldap_conn.search_s("dc=corp", ldap.SCOPE_SUBTREE, flt)  # vuln: CWE-90


@app.get("/dir/user")
def dir_user():
    return jsonify(found=Directory().find_user(request.args.get("uid", "")))


@app.get("/dir/user-safe")
def dir_user_safe():
    return jsonify(found=Directory().find_user_safe(request.args.get("uid", "")))


@app.get("/dir/mail")
def dir_mail():
    return jsonify(found=len(Directory().by_mail(request.args.get("mail", ""))))


@app.get("/dir/export")
def dir_export():
    dept = request.args.get("dept", "")
    xml_doc = etree.fromstring(request.get_data())
    people = xml_doc.xpath("//person[dept='" + dept + "']/name/text()")  # vuln: CWE-643
    return jsonify(people)


@app.get("/dir/export/mine")
def dir_export_mine():
    dept = request.args.get("dept", "")
    people = ROOT.xpath("//person[dept=$d]/name/text()", d=dept)  # safe: CWE-643
    return jsonify(people)


@app.get("/dir/items")
def dir_items():
    sku = request.headers.get("X-Sku", "")
    items = ROOT.findall(f".//item[@sku='{sku}']")  # vuln: CWE-643
    return jsonify(len(items))


@app.get("/dir/items/count")
def dir_items_count():
    sku = request.headers.get("X-Sku", "")
    label = sku.find("-")  # safe: CWE-643
    return jsonify(label)

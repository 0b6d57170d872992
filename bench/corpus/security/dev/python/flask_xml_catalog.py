"""A catalogue served from XML files."""

import xml.etree.ElementTree as ElementTree

import elementpath
import lxml.etree as ET
from flask import Blueprint, abort, jsonify, request
from lxml import etree

bp = Blueprint("catalog", __name__)
CATALOG = ET.parse("data/catalog.xml")
USERS = ElementTree.parse("data/users.xml").getroot()
KNOWN_SHELVES = {"fiction", "history", "science"}


@bp.get("/books")
def books_by_author():
    author = request.args.get("author", "")
    found = CATALOG.xpath(f"//book[author='{author}']/title/text()")  # vuln: CWE-643
    return jsonify(found)


@bp.get("/books/safe")
def books_by_author_bound():
    author = request.args.get("author", "")
    found = CATALOG.xpath("//book[author=$a]/title/text()", a=author)  # safe: CWE-643
    return jsonify(found)


@bp.get("/books/<book_id>")
def book(book_id):
    query = etree.XPath("//book[@id='" + book_id + "']")  # vuln: CWE-643
    return jsonify([b.get("id") for b in query(CATALOG)])


@bp.get("/books/by-number")
def book_by_number():
    number = int(request.args.get("n", "0"))
    query = etree.XPath("//book[@n='%d']" % number)  # safe: CWE-643
    return jsonify([b.get("id") for b in query(CATALOG)])


@bp.get("/shelf")
def shelf():
    name = request.args.get("shelf", "fiction")
    if name not in KNOWN_SHELVES:
        abort(404)
    titles = CATALOG.xpath("//shelf[@name='%s']//title/text()" % name)  # safe: CWE-643
    return jsonify(titles)


@bp.get("/users/login")
def user_login():
    user = request.form.get("user", "")
    pw = request.form.get("password", "")
    expr = ".//user[@name='{}'][@password='{}']".format(user, pw)
    match = USERS.find(expr)  # vuln: CWE-643
    return jsonify(ok=match is not None)


@bp.get("/users/emails")
def user_emails():
    dept = request.headers.get("X-Dept", "")
    out = [u.text for u in USERS.iterfind(".//dept[@id='" + dept + "']/email")]  # vuln: CWE-643
    return jsonify(out)


@bp.get("/users/phone")
def user_phone():
    name = request.values.get("name", "")
    doc = ElementTree.parse("data/users.xml")
    phone = doc.findtext(f"./user[@name='{name}']/phone")  # vuln: CWE-643
    return jsonify(phone=phone)


@bp.get("/users/all")
def users_all():
    path = request.args.get("path", "")
    path = "./user/name"
    names = [n.text for n in USERS.findall(path)]  # safe: CWE-643
    return jsonify(names)


@bp.get("/users/select")
def users_select():
    cond = request.args.get("cond", "")
    hits = elementpath.select(USERS, "//user[" + cond + "]")  # vuln: CWE-643
    return jsonify(len(hits))

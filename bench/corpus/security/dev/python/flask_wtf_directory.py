"""Intranet directory pages with Flask-WTF forms, an XML phone book and API keys."""
import random
import secrets
import string

import ldap
from flask import Blueprint, flash, jsonify, make_response, redirect, render_template, url_for
from ldap.filter import escape_filter_chars
from lxml import etree

from .forms import ApiKeyForm, PhoneForm, PersonSearchForm

bp = Blueprint("directory", __name__)
PEOPLE = "ou=people,dc=corp,dc=example"
PHONEBOOK = etree.parse("phonebook.xml")


@bp.route("/people/search", methods=["GET", "POST"])
def search_people():
    form = PersonSearchForm()
    if form.validate_on_submit():
        handle = ldap.initialize("ldap://ldap.corp.example")
        flt = "(&(objectClass=person)(cn=*%s*))" % form.name.data
        rows = handle.search_s(PEOPLE, ldap.SCOPE_SUBTREE, flt)  # vuln: CWE-90
        return render_template("people.html", rows=rows)
    return render_template("search.html", form=form)


@bp.route("/people/search-safe", methods=["GET", "POST"])
def search_people_safe():
    form = PersonSearchForm()
    if form.validate_on_submit():
        handle = ldap.initialize("ldap://ldap.corp.example")
        flt = "(&(objectClass=person)(cn=*%s*))" % escape_filter_chars(form.name.data)
        rows = handle.search_s(PEOPLE, ldap.SCOPE_SUBTREE, flt)  # safe: CWE-90
        return render_template("people.html", rows=rows)
    return render_template("search.html", form=form)


@bp.route("/phones", methods=["GET", "POST"])
def phones():
    form = PhoneForm()
    if not form.validate_on_submit():
        return render_template("phones.html", form=form)
    extension = form.extension.data
    numbers = PHONEBOOK.xpath("//entry[ext='" + extension + "']/number/text()")  # vuln: CWE-643
    office = form.office.data
    if office not in {"berlin", "lisbon", "austin"}:
        flash("unknown office")
        return redirect(url_for("directory.phones"))
    desks = PHONEBOOK.xpath("//entry[office='" + office + "']/desk/text()")  # safe: CWE-643
    return jsonify(numbers=[str(n) for n in numbers], desks=[str(d) for d in desks])


class KeyIssuer:
    """Makes API keys for the integrations page."""

    def __init__(self, length=40):
        self.length = length
        self.alphabet = string.ascii_letters + string.digits

    def draft(self):
        self.pending = "".join(random.choice(self.alphabet) for _ in range(self.length))  # vuln: CWE-330

    def issue_to(self, user):
        user.api_key = self.pending
        return self.pending


class StrongKeyIssuer:
    def __init__(self):
        self.pending = None

    def draft(self):
        self.pending = secrets.token_urlsafe(30)  # safe: CWE-330

    def issue_to(self, user):
        user.api_key = self.pending
        return self.pending


@bp.route("/integrations/keys", methods=["POST"])
def new_key():
    form = ApiKeyForm()
    issuer = StrongKeyIssuer() if form.strong.data else KeyIssuer()
    issuer.draft()
    key = issuer.issue_to(form.owner)
    resp = make_response(jsonify(shown_once=key))
    resp.headers["Cache-Control"] = "no-store"
    return resp

"""Partner portal: API keys, partner lookups in LDAP, order feeds in XML (Flask)."""
import random
import secrets

import ldap
import ldap.filter
from flask import Flask, current_app, jsonify, request
from lxml import etree

app = Flask(__name__)


class KeyService:
    def __init__(self):
        self.rng = random.Random()
        self.strong = secrets.SystemRandom()

    def new_key(self):
        return "pk_" + "%040x" % self.rng.getrandbits(160)

    def new_strong_key(self):
        return "pk_" + "%040x" % self.strong.getrandbits(160)  # safe: CWE-330

    def jitter(self):
        return self.rng.uniform(0.0, 0.25)  # safe: CWE-330


class PartnerDirectory:
    def __init__(self):
        self.handle = ldap.initialize(current_app.config["LDAP_URI"])

    def by_name(self, name):
        flt = "(&(objectClass=organization)(o=%s))" % name
        return self.handle.search_s("ou=partners,dc=example,dc=com", ldap.SCOPE_ONELEVEL, flt)  # vuln: CWE-90

    def by_name_safe(self, name):
        flt = "(&(objectClass=organization)(o=%s))" % ldap.filter.escape_filter_chars(name)
        return self.handle.search_s("ou=partners,dc=example,dc=com", ldap.SCOPE_ONELEVEL, flt)  # safe: CWE-90


def order_nodes(feed, partner):
    return feed.xpath("//order[@partner='%s']" % partner)  # vuln: CWE-643


def order_nodes_safe(feed, partner):
    return feed.xpath("//order[@partner=$p]", p=partner)  # safe: CWE-643


@app.post("/partners/keys")
def create_key():
    service = KeyService()
    api_key = service.new_key()  # vuln: CWE-330
    return jsonify(api_key=api_key, retry_in=service.jitter())


@app.get("/partners")
def partners():
    directory = PartnerDirectory()
    found = directory.by_name(request.args.get("name", ""))
    also = directory.by_name_safe(request.args.get("alias", ""))
    return jsonify(found=len(found) + len(also))


@app.get("/partners/orders")
def orders():
    feed = etree.parse(current_app.config["ORDER_FEED"])
    partner = request.headers.get("X-Partner", "")
    mine = order_nodes(feed, partner)
    safe = order_nodes_safe(feed, partner)
    return jsonify(count=len(mine) + len(safe))

"""Third-party integration endpoints (Flask blueprint)."""

import logging
import os
import pickle
import random
import sqlite3
import subprocess
import xml.etree.ElementTree as ET

import requests
import yaml
from flask import Blueprint, Response, abort, jsonify, make_response, redirect, request
from lxml import etree
from pymongo import MongoClient

bp = Blueprint("integrations", __name__)
log = logging.getLogger(__name__)
mongo = MongoClient(os.environ["MONGO_URL"]).integrations
ALLOWED_HOSTS = {"hooks.slack.com", "api.pagerduty.com"}
TEAM_TABLES = {"alpha": "events_alpha", "beta": "events_beta"}


@bp.get("/integrations/find")
def find_integration():
    query = {"name": request.args["name"], "owner": request.args["owner"]}
    return jsonify(mongo.configs.find_one(query, {"_id": 0}))  # safe: CWE-943


@bp.post("/integrations/search")
def search_integrations():
    criteria = request.get_json()
    return jsonify(list(mongo.configs.find(criteria, {"_id": 0})))  # vuln: CWE-943


@bp.get("/integrations/where")
def where_integrations():
    expr = request.args.get("expr", "true")
    return jsonify(list(mongo.configs.find({"$where": expr}, {"_id": 0})))  # vuln: CWE-943


@bp.get("/integrations/events")
def events():
    team = request.args.get("team", "alpha")
    table = TEAM_TABLES.get(team)
    if table is None:
        abort(404)
    conn = sqlite3.connect("events.db")
    return jsonify(conn.execute("SELECT * FROM " + table + " ORDER BY ts DESC").fetchall())  # safe: CWE-89


@bp.get("/integrations/events-by-kind")
def events_by_kind():
    kind = request.args.get("kind", "")
    conn = sqlite3.connect("events.db")
    sql = "SELECT * FROM events WHERE kind = '%s'" % kind
    return jsonify(conn.executescript(sql).fetchall())  # vuln: CWE-89


@bp.post("/integrations/notify")
def notify():
    url = request.form["url"]
    host = requests.utils.urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        abort(400)
    requests.post(url, json={"text": "test"}, timeout=5)  # safe: CWE-918
    return "", 204


@bp.post("/integrations/notify-any")
def notify_any():
    requests.post(request.form["url"], json={"text": "test"}, timeout=5)  # vuln: CWE-918
    return "", 204


@bp.post("/integrations/git-clone")
def git_clone():
    repo = request.form["repo"]
    subprocess.check_call("git clone " + repo + " /srv/checkouts/latest", shell=True)  # vuln: CWE-78
    return "", 204


@bp.post("/integrations/git-clone-safe")
def git_clone_safe():
    repo = request.form["repo"]
    subprocess.check_call(["git", "clone", "--", repo, "/srv/checkouts/latest"])  # safe: CWE-78
    return "", 204


@bp.post("/integrations/import")
def import_config():
    data = pickle.loads(request.get_data())  # vuln: CWE-502
    return jsonify(data)


@bp.post("/integrations/import-yaml")
def import_yaml():
    data = yaml.load(request.get_data(), Loader=yaml.SafeLoader)  # safe: CWE-502
    return jsonify(data)


@bp.post("/integrations/import-unsafe-yaml")
def import_unsafe_yaml():
    data = yaml.unsafe_load(request.get_data())  # vuln: CWE-502
    return jsonify(data)


@bp.post("/integrations/xml")
def import_xml():
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    root = etree.fromstring(request.get_data(), parser=parser)  # vuln: CWE-611
    return jsonify({"tag": root.tag})


@bp.post("/integrations/xml-stdlib")
def import_xml_stdlib():
    root = ET.fromstring(request.get_data())  # safe: CWE-611
    return jsonify({"tag": root.tag})


@bp.get("/integrations/callback")
def callback():
    state = request.args.get("state", "")
    resp = make_response(redirect(request.args["redirect_uri"]))  # vuln: CWE-601
    resp.headers["X-State"] = state  # vuln: CWE-113
    return resp


@bp.get("/integrations/callback-safe")
def callback_safe():
    resp = make_response(redirect("/integrations"))  # safe: CWE-601
    resp.set_cookie("state", str(random.getrandbits(64)), secure=True, httponly=True)  # vuln: CWE-330
    return resp


@bp.get("/integrations/session")
def session_cookie():
    resp = make_response("ok")
    resp.set_cookie("integration_session", os.urandom(16).hex())  # vuln: CWE-614
    return resp


@bp.get("/integrations/session-safe")
def session_cookie_safe():
    resp = make_response("ok")
    resp.set_cookie("integration_session", os.urandom(16).hex(), secure=True, httponly=True, samesite="Lax")  # safe: CWE-614
    return resp


@bp.get("/integrations/banner")
def banner():
    msg = request.args.get("msg", "")
    return Response("<div>" + msg + "</div>", mimetype="text/html")  # vuln: CWE-79


@bp.get("/integrations/banner-json")
def banner_json():
    msg = request.args.get("msg", "")
    return jsonify({"msg": msg})  # safe: CWE-79


@bp.post("/integrations/log")
def log_event():
    log.error("integration failure: %s" % request.form.get("detail", ""))  # vuln: CWE-117
    return "", 204


@bp.get("/integrations/ping")
def ping_partner():
    return requests.get("https://partner.example/ping", verify=True, timeout=3).text  # safe: CWE-295


@bp.get("/integrations/ping-legacy")
def ping_legacy():
    session = requests.Session()
    session.verify = False  # vuln: CWE-295
    return session.get("https://legacy.partner.example/ping", timeout=3).text

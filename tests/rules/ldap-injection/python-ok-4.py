# bastion-fixture: app/directory/admin.py
# ok: ldap-injection
import ldap
import redis
import requests
from flask import Flask, request
from ldap.dn import escape_dn_chars

app = Flask(__name__)
PEOPLE = "ou=people,dc=example,dc=org"
cache = redis.Redis()


@app.post("/people/<uid>/mail")
def set_mail(uid):
    handle = ldap.initialize("ldap://directory.internal")
    dn = "uid=%s,%s" % (escape_dn_chars(uid), PEOPLE)
    handle.modify_s(dn, [(ldap.MOD_REPLACE, "mail", [b"x"])])
    return "ok"


@app.delete("/cache/<key>")
def drop(key):
    cache.delete("user:" + key)
    conn = redis.Redis()
    conn.delete(key)
    requests.delete("https://api.example.com/v1/items?uid=" + key + "&dc=1", timeout=5)
    return "ok"


@app.post("/tags")
def tags():
    seen = set()
    seen.add(request.form["tag"])
    return str(len(seen))

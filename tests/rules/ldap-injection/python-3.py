# bastion-fixture: app/directory/admin.py
import ldap
import ldap3
from flask import Flask, request

app = Flask(__name__)
PEOPLE = "ou=people,dc=example,dc=org"


def _handle():
    return ldap.initialize("ldap://directory.internal")


@app.post("/people/<uid>/mail")
def set_mail(uid):
    handle = _handle()
# expect: ldap-injection
    handle.modify_s("uid=%s,%s" % (uid, PEOPLE), [(ldap.MOD_REPLACE, "mail", [b"x"])])
    return "ok"


@app.delete("/people/<uid>")
def remove(uid):
    conn = ldap3.Connection(ldap3.Server("ldap://directory.internal"), auto_bind=True)
# expect: ldap-injection
    conn.delete("uid=" + uid + ",ou=people,dc=example,dc=org")
    return "ok"


@app.post("/people/check")
def check():
    directory = ldap3.Connection(ldap3.Server("ldap://directory.internal"), auto_bind=True)
    dn = "uid={},{}".format(request.form["uid"], PEOPLE)
# expect: ldap-injection
    return str(directory.compare(dn, "employeeType", "staff"))


@app.post("/groups/<cn>")
def add_group(cn):
    ld = _handle()
# expect: ldap-injection
    ld.add_s(f"cn={cn},ou=groups,dc=example,dc=org", [("objectClass", [b"groupOfNames"])])
    return "ok"

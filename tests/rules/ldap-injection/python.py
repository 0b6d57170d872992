# bastion-fixture: app/directory/views.py
import ldap
from django.http import JsonResponse
from ldap3 import Connection, Server


def lookup(request):
    uid = request.GET["uid"]
    conn = Connection(Server("ldap://directory"), auto_bind=True)
    query = "(&(objectClass=person)(uid=%s))" % uid
# expect: ldap-injection
    conn.search("ou=people,dc=example,dc=org", query, attributes=["cn", "mail"])
    handle = ldap.initialize("ldap://directory")
# expect: ldap-injection
    rows = handle.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, f"(mail={request.GET['mail']})")
    return JsonResponse({"found": len(conn.entries) + len(rows)})

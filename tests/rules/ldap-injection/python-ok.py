# bastion-fixture: app/directory/views.py
# ok: ldap-injection
import re

import ldap
import ldap.filter
from django.http import JsonResponse
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars


def lookup(request):
    uid = request.GET["uid"]
    conn = Connection(Server("ldap://directory"), auto_bind=True)
    conn.search("ou=people,dc=example,dc=org", "(uid=%s)" % escape_filter_chars(uid))
    handle = ldap.initialize("ldap://directory")
    safe = ldap.filter.escape_filter_chars(request.GET["mail"])
    handle.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, f"(mail={safe})")
    employee = int(request.GET["employee"])
    handle.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, f"(employeeNumber={employee})")
    found = re.search(uid, "alice bob")
    return JsonResponse({"found": bool(found)})

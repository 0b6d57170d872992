"""Directory administration views of an intranet Django site (python-ldap and ldap3)."""
import ldap
import ldap3
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from ldap.dn import escape_dn_chars
from ldap.filter import escape_filter_chars, filter_format

PEOPLE = "ou=people,dc=corp,dc=example"
GROUPS = "ou=groups,dc=corp,dc=example"


def _bind():
    handle = ldap.initialize("ldap://ldap.corp.example")
    handle.simple_bind_s("cn=admin,dc=corp,dc=example", "from-vault")
    return handle


@require_POST
def set_title(request, uid):
    handle = _bind()
    dn = "uid=%s,%s" % (uid, PEOPLE)
    handle.modify_s(dn, [(ldap.MOD_REPLACE, "title", [request.POST["title"].encode()])])  # vuln: CWE-90
    return JsonResponse({"ok": True})


@require_POST
def set_title_escaped(request, uid):
    handle = _bind()
    dn = "uid=%s,%s" % (escape_dn_chars(uid), PEOPLE)
    handle.modify_s(dn, [(ldap.MOD_REPLACE, "title", [request.POST["title"].encode()])])  # safe: CWE-90
    return JsonResponse({"ok": True})


@require_POST
def remove_member(request):
    conn = ldap3.Connection(ldap3.Server("ldap://ldap.corp.example"), auto_bind=True)
    group = request.POST["group"]
    conn.delete("cn=" + group + "," + GROUPS)  # vuln: CWE-90
    return JsonResponse({"ok": True})


def find_people(request):
    handle = _bind()
    surname = request.GET.get("sn", "")
    rows = handle.search_s(PEOPLE, ldap.SCOPE_SUBTREE, "(sn=%s)" % escape_filter_chars(surname))  # safe: CWE-90
    mail = request.GET.get("mail", "")
    more = handle.search_s(PEOPLE, ldap.SCOPE_SUBTREE, filter_format("(mail=%s)", [mail]))  # safe: CWE-90
    title = request.GET.get("title", "")
    again = handle.search_s(PEOPLE, ldap.SCOPE_SUBTREE, "(title=" + title + ")")  # vuln: CWE-90
    return JsonResponse({"n": len(rows) + len(more) + len(again)})


def is_staff(request):
    directory = ldap3.Connection(ldap3.Server("ldap://ldap.corp.example"), auto_bind=True)
    dn = "uid={},{}".format(request.GET["uid"], PEOPLE)
    return JsonResponse({"staff": directory.compare(dn, "employeeType", "staff")})  # vuln: CWE-90

"""Account lookups against OpenLDAP (Django views, python-ldap)."""
import ldap
import ldap.dn
import ldap.filter
from django.conf import settings
from django.http import JsonResponse

BASE = "dc=example,dc=org"


def _bind():
    handle = ldap.initialize(settings.LDAP_URI)
    handle.simple_bind_s(settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD)
    return handle


class SavedSearches:
    """Searches a user saved in their profile: kept in memory here, no directory involved."""

    def __init__(self, owner):
        self.items = load_saved(owner)

    def search(self, text):
        return [s for s in self.items if text.lower() in s.lower()]


def account(request):
    uid = request.GET.get("uid", "")
    user_dn = "uid=%s,ou=people,%s" % (uid, BASE)
    handle = _bind()
    rows = handle.search_s(user_dn, ldap.SCOPE_BASE, "(objectClass=*)", ["cn", "mail"])  # vuln: CWE-90
    return JsonResponse({"found": len(rows)})


def account_safe(request):
    uid = request.GET.get("uid", "")
    user_dn = "uid=%s,ou=people,%s" % (ldap.dn.escape_dn_chars(uid), BASE)
    handle = _bind()
    rows = handle.search_s(user_dn, ldap.SCOPE_BASE, "(objectClass=*)", ["cn", "mail"])  # safe: CWE-90
    return JsonResponse({"found": len(rows)})


def members(request):
    group = request.POST.get("group", "")
    handle = _bind()
    msgid = handle.search("cn=" + group + ",ou=groups," + BASE, ldap.SCOPE_BASE, "(objectClass=groupOfNames)")  # vuln: CWE-90
    kind, data = handle.result(msgid)
    return JsonResponse({"members": len(data)})


def by_mail(request):
    mail = request.GET.get("mail", "")
    flt = ldap.filter.filter_format("(mail=%s)", [mail])
    handle = _bind()
    rows = handle.search_ext_s(BASE, ldap.SCOPE_SUBTREE, filterstr=flt)  # safe: CWE-90
    return JsonResponse({"found": len(rows)})


def by_phone(request):
    phone = request.GET.get("phone", "")
    handle = _bind()
    rows = handle.search_ext_s(BASE, ldap.SCOPE_SUBTREE, filterstr="(telephoneNumber=%s)" % phone)  # vuln: CWE-90
    return JsonResponse({"found": len(rows)})


def saved(request):
    searches = SavedSearches(request.user)
    hits = searches.search(request.GET.get("q", ""))  # safe: CWE-90
    return JsonResponse({"hits": hits})

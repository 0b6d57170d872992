"""Django views of the support tools app."""

import os
import random
import subprocess

import yaml
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from lxml import etree

TOOLS_DIR = "/srv/tools"
TREE = etree.parse("/srv/tools/manifest.xml")


def greet(request):
    name = request.GET.get("name", "")
    return HttpResponse("<p>Hello " + name + "</p>")  # vuln: CWE-79


def greet_safe(request):
    name = request.GET.get("name", "")
    return HttpResponse("<p>Hello %s</p>" % escape(name))  # safe: CWE-79


def run_tool(request):
    tool = request.POST["tool"]
    out = subprocess.check_output(f"{TOOLS_DIR}/{tool} --check", shell=True)  # vuln: CWE-78
    return HttpResponse(out, content_type="text/plain")


def tool_log(request, tool):
    with open(os.path.join(TOOLS_DIR, "logs", tool + ".log")) as fh:  # vuln: CWE-22
        return HttpResponse(fh.read(), content_type="text/plain")


def tool_meta(request):
    tool = request.GET["tool"]
    nodes = TREE.xpath("//tool[@name='%s']" % tool)  # vuln: CWE-643
    return JsonResponse({"found": len(nodes)})


def next_page(request):
    nxt = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        nxt = "/"
    return HttpResponseRedirect(nxt)  # safe: CWE-601


def next_page_unchecked(request):
    nxt = request.GET.get("next", "/")
    return HttpResponseRedirect(nxt)  # vuln: CWE-601


def remember_tool(request):
    request.session["tool"] = request.POST.get("tool", "")  # vuln: CWE-501
    return JsonResponse({"ok": True})


def import_config(request):
    cfg = yaml.load(request.body, Loader=yaml.FullLoader)  # vuln: CWE-502
    return JsonResponse({"keys": list(cfg)})


def ticket(request):
    ticket_token = str(random.randint(0, 10**12))  # vuln: CWE-330
    response = JsonResponse({"token": ticket_token})
    response.set_cookie("ticket_session", ticket_token, secure=True, httponly=True)
    return response


def ticket_cookie(request):
    response = JsonResponse({"ok": True})
    response.set_cookie("sessionid_alt", request.COOKIES.get("sessionid", ""), httponly=True)  # vuln: CWE-614
    return response

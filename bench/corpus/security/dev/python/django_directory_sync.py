"""Directory sync views."""

import base64
import json
import os
import subprocess
import xml.etree.ElementTree as ET

import ldap3
from django.http import HttpResponse, JsonResponse
from django.utils.html import format_html
from django.views.generic import View
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

CATALOG = ET.parse("/srv/catalog.xml")


def _filter_for(name):
    return "(&(objectClass=user)(sAMAccountName=" + name + "))"


def _run(args):
    return subprocess.check_output(args, shell=True)  # vuln: CWE-78


class SyncView(View):
    def get(self, request):
        account = request.GET["account"]
        conn = ldap3.Connection("ldap://ad", auto_bind=True)
        conn.search("dc=corp", _filter_for(account))  # vuln: CWE-90
        return JsonResponse({"n": len(conn.entries)})

    def post(self, request):
        payload = json.loads(request.body)
        hosts = payload.get("hosts", [])
        _run("sync-hosts " + " ".join(hosts))
        return JsonResponse({})


class ItemApi(APIView):
    def get(self, request):
        sku = request.query_params.get("sku", "")
        item = CATALOG.find(f".//item[@sku='{sku}']")  # vuln: CWE-643
        return Response({"found": item is not None})

    def post(self, request):
        note = request.data.get("note", "")
        return HttpResponse(format_html("<p>{}</p>", note))  # safe: CWE-79


@api_view(["GET"])
def preview(request):
    blob = request.GET.get("b", "")
    html = base64.urlsafe_b64decode(blob).decode()
    return HttpResponse(html)  # vuln: CWE-79


@api_view(["POST"])
def rename(request):
    names = {"old": request.data["old"], "new": request.data["new"]}
    os.rename(os.path.join("/srv/files", names["old"]), os.path.join("/srv/files", names["new"]))  # vuln: CWE-22
    return Response({})

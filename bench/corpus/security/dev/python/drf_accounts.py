"""Account management API (Django REST framework)."""

import os
import tempfile

import ldap
import requests
from django.conf import settings
from lxml import etree
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.response import Response

from .models import Account

LDAP_URL = "ldap://directory.corp.example"
DIRECTORY_PASSWORD = "Sup3rS3cret!"  # vuln: CWE-798
DIRECTORY_PASSWORD_ENV = os.environ.get("DIRECTORY_PASSWORD", "")  # safe: CWE-798


class AccountSerializer(serializers.ModelSerializer):
    class Meta:
        model = Account
        fields = "__all__"  # vuln: CWE-915


class AccountPublicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Account
        fields = ["id", "display_name", "avatar_url"]  # safe: CWE-915


class AccountViewSet(viewsets.ModelViewSet):
    queryset = Account.objects.all()
    serializer_class = AccountSerializer

    @action(detail=False, methods=["get"])
    def directory(self, request):
        uid = request.query_params.get("uid", "")
        conn = ldap.initialize(LDAP_URL)
        conn.simple_bind_s("cn=reader,dc=corp,dc=example", DIRECTORY_PASSWORD_ENV)
        entries = conn.search_s("ou=people,dc=corp,dc=example", ldap.SCOPE_SUBTREE, "(uid=" + uid + ")")  # vuln: CWE-90
        return Response({"count": len(entries)})

    @action(detail=False, methods=["get"])
    def directory_safe(self, request):
        from ldap.filter import escape_filter_chars

        uid = escape_filter_chars(request.query_params.get("uid", ""))
        conn = ldap.initialize(LDAP_URL)
        entries = conn.search_s("ou=people,dc=corp,dc=example", ldap.SCOPE_SUBTREE, f"(uid={uid})")  # safe: CWE-90
        return Response({"count": len(entries)})

    @action(detail=True, methods=["post"])
    def import_profile(self, request, pk=None):
        parser = etree.XMLParser(resolve_entities=True, no_network=False)  # vuln: CWE-611
        doc = etree.fromstring(request.body, parser)
        return Response({"root": doc.tag})

    @action(detail=True, methods=["post"])
    def import_profile_safe(self, request, pk=None):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)  # safe: CWE-611
        doc = etree.fromstring(request.body, parser)
        return Response({"root": doc.tag})

    @action(detail=True, methods=["get"])
    def lookup_field(self, request, pk=None):
        field = request.query_params.get("field", "name")
        doc = etree.parse(os.path.join(settings.BASE_DIR, "accounts.xml"))
        values = doc.xpath("//account[@id='" + str(pk) + "']/" + field)  # vuln: CWE-643
        return Response({"values": [v.text for v in values]})

    @action(detail=True, methods=["get"])
    def lookup_field_safe(self, request, pk=None):
        doc = etree.parse(os.path.join(settings.BASE_DIR, "accounts.xml"))
        values = doc.xpath("//account[@id=$aid]/name", aid=str(pk))  # safe: CWE-643
        return Response({"values": [v.text for v in values]})

    @action(detail=True, methods=["get"])
    def avatar(self, request, pk=None):
        avatar_url = request.query_params["src"]
        img = requests.get(avatar_url, timeout=3)  # vuln: CWE-918
        return Response({"size": len(img.content)})

    @action(detail=True, methods=["get"])
    def download_name(self, request, pk=None):
        name = request.query_params.get("name", "export.csv")
        resp = Response(status=status.HTTP_200_OK)
        resp["Content-Disposition"] = "attachment; filename=" + name  # vuln: CWE-113
        return resp


@api_view(["POST"])
def upload_avatar(request):
    fd, tmp_path = tempfile.mkstemp(suffix=".png")  # safe: CWE-377
    with os.fdopen(fd, "wb") as fh:
        fh.write(request.body)
    os.chmod(tmp_path, 0o600)  # safe: CWE-732
    return Response({"path": os.path.basename(tmp_path)})


@api_view(["POST"])
def upload_avatar_legacy(request):
    tmp_path = tempfile.mktemp(suffix=".png")  # vuln: CWE-377
    with open(tmp_path, "wb") as fh:
        fh.write(request.body)
    os.chmod(tmp_path, 0o777)  # vuln: CWE-732
    return Response({"path": os.path.basename(tmp_path)})


@api_view(["POST"])
def update_account(request, pk):
    account = Account.objects.get(pk=pk)
    for key, value in request.data.items():
        setattr(account, key, value)  # vuln: CWE-915
    account.save()
    return Response({"ok": True})

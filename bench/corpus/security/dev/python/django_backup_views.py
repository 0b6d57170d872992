"""Backup endpoints."""

import os
import subprocess
from pathlib import Path

from django.http import FileResponse, HttpResponse, JsonResponse
from django.views import View
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

ROOT = "/srv/backups"


class BackupView(View):
    def get(self, request, *args, **kwargs):
        name = request.GET.get("name", "")
        subprocess.run("tar czf /srv/backups/" + name + ".tgz /srv/data", shell=True)  # vuln: CWE-78
        return JsonResponse({"ok": True})

    def post(self, request):
        label = request.POST.get("label", "")
        return HttpResponse("<p>Saved " + label + "</p>")  # vuln: CWE-79


def fetch_backup(request):
    name = request.GET.get("name", "")
    full = os.path.abspath(os.path.join(ROOT, name))
    if os.path.commonpath([full, ROOT]) != ROOT:
        return HttpResponse(status=404)
    return FileResponse(open(full, "rb"))  # safe: CWE-22


def fetch_backup2(request):
    name = request.GET.get("name", "")
    target = (Path(ROOT) / name).resolve()
    try:
        target.relative_to(ROOT)
    except ValueError:
        return HttpResponse(status=404)
    return FileResponse(open(target, "rb"))  # safe: CWE-22


def fetch_backup3(request):
    data = dict(request.GET)
    names = data.get("name", [""])
    return FileResponse(open(os.path.join(ROOT, names[0]), "rb"))  # vuln: CWE-22


async def starlette_page(request: Request):
    who = request.query_params.get("who", "")
    return HTMLResponse("<h1>" + who + "</h1>")  # vuln: CWE-79


async def starlette_form(request: Request):
    form = await request.form()
    path = form["path"]
    with open(path) as fh:  # vuln: CWE-22
        return JSONResponse({"text": fh.read()})

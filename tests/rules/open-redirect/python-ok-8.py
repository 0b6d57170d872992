# bastion-fixture: app/accounts/views.py
# ok: open-redirect
from urllib.parse import urlparse

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def _allow_redirect(redirect_url: str) -> bool:
    parsed = urlparse(redirect_url)
    return not parsed.netloc and parsed.path.startswith("/") and not parsed.path.startswith("//")


def _redirect_after_login(request: HttpRequest) -> HttpResponse:
    redirect_url = request.GET.get("next")
    if redirect_url and _allow_redirect(redirect_url):
        return redirect(redirect_url)
    return redirect("index")

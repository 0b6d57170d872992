# bastion-fixture: notes/views/filters.py
# ok: open-redirect
import re
import urllib.parse

from django.http import HttpResponseRedirect
from django.urls import reverse
from flask import flash, redirect, request, url_for


def get_safe_return_url(return_url, fallback):
    # Only a path of this site, else the fallback.
    if not return_url or not re.match(r"^/[a-z]+", return_url):
        return fallback
    return return_url


def apply_filters(request):
    # The handler's own path with a new query string: the page stays the same.
    base_url = request.path
    query_string = urllib.parse.urlencode({"q": request.POST.get("q", "")})
    return HttpResponseRedirect(base_url + "?" + query_string)


def tag_index(request):
    redirect_url = reverse("notes:tags.index")
    if request.GET:
        redirect_url += "?" + request.GET.urlencode()
    return HttpResponseRedirect(redirect_url)


def acknowledge(request):
    return_url = get_safe_return_url(request.GET.get("return_url"), reverse("notes:index"))
    return HttpResponseRedirect(return_url)


def leave_group():
    # Back to the page the user submitted the form from.
    flash("Left the group")
    return redirect(request.headers.get("Referer") or url_for(".home"))

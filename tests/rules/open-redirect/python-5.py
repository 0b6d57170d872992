# bastion-fixture: shortener/views.py
from urllib.parse import urljoin

from django.shortcuts import redirect

from shortener.services import link_service, resolve_alias


def _stored_target(value):
    return link_service.resolve(value)


def follow(request, code):
    target = request.GET.get("to", "")
    if request.GET.get("stored"):
        # The stored link comes back from a service this change does not show: the
        # finding names it and goes to the summary.
        stored = link_service.resolve(target)
        # expect: open-redirect
        return redirect(stored)
    if request.GET.get("alias"):
        # expect: open-redirect
        return redirect(resolve_alias(code=target).strip())
    if request.GET.get("helper"):
        # A helper of this file is followed: it too only passes the service's answer on.
        # expect: open-redirect
        return redirect(_stored_target(target))
    # A join of the standard library hands the text on: inline.
    # expect: open-redirect
    return redirect(urljoin("", target.strip()))

# bastion-fixture: app/views/shortlinks.py
# ok: open-redirect
from django.shortcuts import get_object_or_404, redirect

from app.models import Shortlink


def follow(request, code: str):
    # The code only picks a stored record; the target is what an editor saved.
    link = get_object_or_404(Shortlink, code=code)
    return redirect(link.target)


def follow_replica(request, code: str):
    link = Shortlink.objects.using("replica").get(code=code)
    return redirect(link.target)


def by_name(request):
    pages = {"home": "/", "help": "/help/"}
    return redirect(pages.get(request.GET.get("page"), "/"))

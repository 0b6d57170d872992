# bastion-fixture: app/views/accounts.py
from django.shortcuts import redirect


def is_unsafe_url(url):
    return "//" in url


def leave(request):
    target = request.GET.get("to")
    # A check that says the URL is unsafe does not clear it in its own branch.
    if is_unsafe_url(target):
        # expect: open-redirect
        return redirect(target)
    return redirect("/")

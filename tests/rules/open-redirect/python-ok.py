# bastion-fixture: app/views/accounts.py
# ok: open-redirect
from django.shortcuts import redirect


def is_safe_return_url(url, request):
    # The project's own host check; its name says what it proves.
    return url.startswith("/") and not url.startswith("//")


def finish_signup(request):
    back = request.POST.get("back", "/")
    if is_safe_return_url(back, request):
        return redirect(back)
    return redirect("/welcome")


def leave(request):
    target = request.GET.get("to")
    if not url_is_allowed_redirect(target):
        return redirect("/")
    return redirect(target)

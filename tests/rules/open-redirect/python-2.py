# bastion-fixture: app/views/session.py
from django.shortcuts import redirect


def done(request):
    # A lookup in the request's own mapping is the request's value.
    target = request.GET.get("next", "/")
    # expect: open-redirect
    return redirect(target)

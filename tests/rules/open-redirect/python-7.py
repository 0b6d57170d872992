# bastion-fixture: wiki/views.py
from django.shortcuts import redirect


def after_edit(request):
    # A URL the request sent, whatever method name reads it, is still the request's.
    target = request.POST.get("absolute_url")
    # expect: open-redirect
    return redirect(target)

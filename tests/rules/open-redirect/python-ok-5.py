# bastion-fixture: shop/web/utils.py
# ok: open-redirect
from urllib.parse import urlencode

from django.http import HttpResponseRedirect


def redirect_keeping_filters(request, target):
    # `target` comes from the views that call this helper (`reverse(...)`); only the
    # query string is the visitor's, and it stays after the `?`.
    query = urlencode(request.GET)
    if query:
        target += "?" + query
    return HttpResponseRedirect(target)

# bastion-fixture: media/views.py
# bastion-changed: media_links.repo.py
# ok: open-redirect
from django.shortcuts import redirect

from .links import public_file_url


def serve_file(request, file_id, name):
    # The helper, in another file of the change, builds the address on the configured
    # media host from the site's own route (`reverse`): followed there, the name only
    # fills that route's path, so nothing is left to report (not even in the summary).
    return redirect(public_file_url(file_id, name), permanent=True)

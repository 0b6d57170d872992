# bastion-fixture: media/views.py
# bastion-changed: media_links.repo.py
from django.shortcuts import redirect

from .links import tidy_target


def go_back(request):
    # The helper of another file of the change hands the request's text back
    # unchanged: the redirect still goes wherever `next` says.
    # expect: open-redirect
    return redirect(tidy_target(request.GET["next"]))

# bastion-fixture: forum/edits/goto.py
from django.shortcuts import redirect
from django.views import View


class GotoView(View):
    # The HTTP method gets the URL's own values.
    def get(self, request, target):
# expect: open-redirect
        return redirect(target)

# bastion-fixture: forum/edits/views.py
# ok: open-redirect
from django.shortcuts import redirect
from django.views import View


class PostEditDeleteView(View):
    # Not an HTTP method: the view calls it with a model row it loaded.
    def perform_action(self, request, post_edit):
        return redirect(self.get_post_edits_url(post_edit.post, post_edit.number))

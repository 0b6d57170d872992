# bastion-fixture: notes/models.py
from django.db import models
from django.shortcuts import get_object_or_404


class Note(models.Model):
    author = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    slug = models.CharField(max_length=50, unique=True)
    state = models.CharField(max_length=20)


def drafts(request):
# ok: query-on-unindexed-column
    return request.author.note_set.filter(state="draft")


def show(request, slug):
# ok: query-on-unindexed-column
    return get_object_or_404(Note, slug=slug)

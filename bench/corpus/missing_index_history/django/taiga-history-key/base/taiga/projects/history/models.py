from django.db import models
from django.utils import timezone
from django_pgjson.fields import JsonField

ENTRY_KINDS = ((1, "change"), (2, "create"), (3, "delete"))


class HistoryEntry(models.Model):
    id = models.CharField(primary_key=True, max_length=255, unique=True, editable=False)
    type = models.SmallIntegerField(choices=ENTRY_KINDS)
    key = models.CharField(max_length=255, null=True, default=None, blank=True)
    snapshot = JsonField(blank=True, null=True, default=None)
    is_snapshot = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

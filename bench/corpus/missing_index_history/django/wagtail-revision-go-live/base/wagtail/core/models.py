from django.conf import settings
from django.db import models


class PageRevision(models.Model):
    page = models.ForeignKey("Page", related_name="revisions", on_delete=models.CASCADE)
    submitted_for_moderation = models.BooleanField(default=False, db_index=True)
    created_at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    content_json = models.TextField()
    approved_go_live_at = models.DateTimeField(null=True, blank=True)

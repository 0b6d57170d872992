import uuid

from django.db import models

from hc.accounts.models import Project


class Check(models.Model):
    name = models.CharField(max_length=100, blank=True)
    code = models.UUIDField(default=uuid.uuid4, unique=True)
    project = models.ForeignKey(Project, models.CASCADE)
    status = models.CharField(max_length=6, default="new")
    alert_after = models.DateTimeField(null=True, blank=True, editable=False)

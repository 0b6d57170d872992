import uuid

from django.contrib.auth.models import User
from django.db import models


class Check(models.Model):
    name = models.CharField(max_length=100, blank=True)
    code = models.UUIDField(default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, blank=True, null=True)
    status = models.CharField(max_length=6, default="new")
    last_ping = models.DateTimeField(null=True, blank=True)

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ObjectChange(models.Model):
    time = models.DateTimeField(auto_now_add=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    request_id = models.UUIDField(editable=False)
    changed_object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    changed_object_id = models.PositiveIntegerField()
    object_repr = models.CharField(max_length=200, editable=False)

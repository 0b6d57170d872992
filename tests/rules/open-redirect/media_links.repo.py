# bastion-fixture: media/links.py
from django.conf import settings
from django.urls import reverse


def public_file_url(file_id, name):
    path = reverse("media.serve_file", kwargs={"file_id": file_id, "name": name})
    return f"{settings.PROTOCOL}{settings.MEDIA_HOST}{path}"


def tidy_target(value):
    return value.strip()

# bastion-fixture: api/views/upload.py
# ok: path-traversal
import os

from django.conf import settings
from django.utils.text import get_valid_filename


def on_completion(request, uploaded_file):
    filename = get_valid_filename(request.POST.get("filename"))
    target = os.path.join(settings.MEDIA_ROOT, "uploads", filename)
    with open(target, "wb") as out:
        out.write(uploaded_file.read())

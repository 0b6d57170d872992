# bastion-fixture: api/views/upload.py
import os

from django.conf import settings


def on_completion(request, uploaded_file):
    filename = request.POST.get("filename")
    target = os.path.join(settings.MEDIA_ROOT, "uploads", filename)
# expect: path-traversal
    with open(target, "wb") as out:
        out.write(uploaded_file.read())

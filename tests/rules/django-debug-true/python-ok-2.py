# bastion-fixture: mysite/settings.py
# ok: django-debug-true
import os
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"

# bastion-fixture: mysite/settings/dev.py
# ok: django-debug-true
from .base import *
DEBUG = True

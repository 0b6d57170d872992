# bastion-fixture: mysite/settings/production.py
import os
from .base import *
# expect: django-debug-true
DEBUG = os.environ.get("DJANGO_DEBUG", True)

# bastion-fixture: mysite/settings/production.py
import os
from .base import *
# expect: debug-errors-shown
DEBUG = os.environ.get("DJANGO_DEBUG", True)

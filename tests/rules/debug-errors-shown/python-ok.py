# bastion-fixture: mysite/settings/dev.py
# ok: debug-errors-shown
from .base import *
DEBUG = True

# bastion-fixture: mysite/settings.py
# ok: debug-errors-shown
import os
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"

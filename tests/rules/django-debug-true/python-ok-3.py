# bastion-fixture: app/feature_flags.py
# ok: django-debug-true
DEBUG = True

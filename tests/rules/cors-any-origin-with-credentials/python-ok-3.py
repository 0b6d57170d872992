# bastion-fixture: mysite/settings.py
# ok: cors-any-origin-with-credentials
CORS_ALLOW_ALL_ORIGINS = True

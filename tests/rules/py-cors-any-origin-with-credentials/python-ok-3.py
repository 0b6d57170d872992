# bastion-fixture: mysite/settings.py
# ok: py-cors-any-origin-with-credentials
CORS_ALLOW_ALL_ORIGINS = True

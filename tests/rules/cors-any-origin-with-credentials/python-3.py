# bastion-fixture: mysite/settings.py
# expect: cors-any-origin-with-credentials
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True

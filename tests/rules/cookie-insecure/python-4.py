# bastion-fixture: mysite/settings.py
DEBUG = False
# expect: cookie-insecure
CSRF_COOKIE_SECURE = False
CSRF_COOKIE_HTTPONLY = False

# bastion-fixture: mysite/settings.py
DEBUG = False
# expect: cookie-insecure
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = True

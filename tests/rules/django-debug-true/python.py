# bastion-fixture: mysite/settings.py
SECRET_KEY = os.environ["SECRET_KEY"]
# expect: django-debug-true
DEBUG = True
ALLOWED_HOSTS = ["*"]

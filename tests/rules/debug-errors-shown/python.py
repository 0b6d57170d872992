# bastion-fixture: mysite/settings.py
SECRET_KEY = os.environ["SECRET_KEY"]
# expect: debug-errors-shown
DEBUG = True
ALLOWED_HOSTS = ["*"]

# bastion-fixture: app/settings.py
# expect: secret-literal
SECRET_KEY = "k7Pq2Lm9Xv4Tz8Rw"
DEBUG = False

# bastion-fixture: app/accounts.py
# ok: password-fast-hash
import hashlib
from django.contrib.auth.hashers import make_password

def store(user, password, reset_token):
    user.password = make_password(password)
    user.reset = hashlib.sha256(reset_token.encode()).hexdigest()
    key = hashlib.pbkdf2_hmac('sha256', password.encode(), salt, 600000)

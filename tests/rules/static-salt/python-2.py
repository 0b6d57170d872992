# bastion-fixture: app/accounts/passwords.py
# The salt is a local name bound to text a few lines up: the same for every password.
import hashlib


def hash_password(password: str) -> str:
    salt = "accounts-v1"
    iterations = 310_000
# expect: static-salt
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations)
    return digest.hex()

# bastion-fixture: app/accounts/passwords.py
# The local salt is drawn at random for each password (and stored beside the hash).
import hashlib
import os


def hash_password(password: str) -> str:
    salt = "accounts-v1"
    salt = os.urandom(16)
# ok: static-salt
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 310_000)
    return salt.hex() + "$" + digest.hex()

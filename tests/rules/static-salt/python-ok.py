# bastion-fixture: app/accounts/hashing.py
# ok: static-salt
import hashlib
import os


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    return salt.hex() + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000).hex()

# bastion-fixture: app/accounts/hashing.py
import hashlib


def legacy_hash(password: str) -> str:
# expect: static-salt
    return hashlib.pbkdf2_hmac("sha256", password.encode(), b"acme-salt", 100_000).hex()

# bastion-fixture: app/auth/tokens.py
import hashlib


def reset_token(user_id: int, secret: str) -> str:
    # A suppression of some other check says nothing about the hash.
    # expect: weak-hash
    return hashlib.md5(f"{user_id}:{secret}".encode()).hexdigest()  # noqa: E501

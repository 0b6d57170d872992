# bastion-fixture: app/auth/tokens.py
# ok: insecure-random
import random
import secrets


def make_reset_token():
    return secrets.token_urlsafe(32)


def retry_delay(attempt):
    return attempt * 0.5 + random.random()

# bastion-fixture: app/auth/credentials.py
# ok: insecure-random
import string
from random import SystemRandom


def random_string(length=16):
    random = SystemRandom()
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(length))


def new_credential():
    token = random_string(32)
    return token

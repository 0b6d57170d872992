# bastion-fixture: app/admin/accounts.py
import random

from app.models import User


def invite_user(email):
# expect: insecure-random
    seed = random.getrandbits(64)
    user = User(email=email, password=f"tmp-{seed:x}")
    return user

# bastion-fixture: app/auth/remember.py
import random


def issue_remember_me(user):
# expect: insecure-random
    remember_me_key = str(random.random())[2:]
    user.remember_digest = remember_me_key
    return remember_me_key

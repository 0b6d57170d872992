# bastion-fixture: app/session.py
import pickle

def restore(cookie):
# expect: py-pickle-untrusted
    return pickle.loads(cookie)

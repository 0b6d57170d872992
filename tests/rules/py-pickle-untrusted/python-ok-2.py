# bastion-fixture: app/copying.py
# ok: py-pickle-untrusted
import pickle

def clone(obj):
    data = pickle.dumps(obj)
    return pickle.loads(data), pickle.loads(pickle.dumps(obj))

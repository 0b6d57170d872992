# bastion-fixture: app/copying.py
# ok: unsafe-deserialization
import pickle

def clone(obj):
    data = pickle.dumps(obj)
    return pickle.loads(data), pickle.loads(pickle.dumps(obj))

# bastion-fixture: app/cache.py
import pickle

def cached(redis_client, key):
# expect: py-pickle-untrusted
    return pickle.loads(redis_client.get(key))

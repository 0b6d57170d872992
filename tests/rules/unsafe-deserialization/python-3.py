# bastion-fixture: app/cache.py
import pickle

def cached(redis_client, key):
# expect: unsafe-deserialization
    return pickle.loads(redis_client.get(key))

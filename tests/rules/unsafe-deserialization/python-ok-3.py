# bastion-fixture: app/session.py
# ok: unsafe-deserialization
import json, pickle

def restore(request):
    return json.loads(request.COOKIES['state'])

def thaw(blob):
    return pickle.loads(blob)

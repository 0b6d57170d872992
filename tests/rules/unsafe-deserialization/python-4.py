# bastion-fixture: app/session.py
import pickle

def restore(request):
# expect: unsafe-deserialization
    return pickle.loads(request.COOKIES['state'])

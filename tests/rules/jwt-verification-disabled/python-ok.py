# bastion-fixture: app/auth.py
# ok: jwt-verification-disabled
import jwt

def user_id(token):
    return jwt.decode(token, KEY, algorithms=["RS256"])["sub"]

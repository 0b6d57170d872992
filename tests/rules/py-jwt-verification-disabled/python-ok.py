# bastion-fixture: app/auth.py
# ok: py-jwt-verification-disabled
import jwt

def user_id(token):
    return jwt.decode(token, KEY, algorithms=["RS256"])["sub"]

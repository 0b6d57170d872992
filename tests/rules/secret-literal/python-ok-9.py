# bastion-fixture: app/auth/tokens.py
# The signing key comes from the environment; the path names where a key file lives.
import os

import jwt

# ok: secret-literal
SIGNING_KEY = os.environ["SIGNING_KEY"]
SIGNING_KEY_PATH = "/etc/gateway/keys/signing.pem"
ENCRYPTION_KEY_NAME = "gateway-encryption-key"


def issue(sub: str) -> str:
    return jwt.encode({"sub": sub}, SIGNING_KEY, algorithm="HS256")

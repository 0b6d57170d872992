# bastion-fixture: app/__init__.py
from flask_cors import CORS
# expect: cors-any-origin-with-credentials
CORS(app, supports_credentials=True)

# bastion-fixture: app/__init__.py
from flask_cors import CORS
# expect: py-cors-any-origin-with-credentials
CORS(app, supports_credentials=True)

# bastion-fixture: app/__init__.py
# ok: cors-any-origin-with-credentials
CORS(app, origins=['https://app.example.com'], supports_credentials=True)
CORS(app)

# bastion-fixture: app/settings.py
# ok: secret-literal
import os

SECRET_KEY = os.environ["SECRET_KEY"]
DB_PASSWORD = os.getenv("DB_PASSWORD", "")
PASSWORD_FIELD = "password"
api_key = request.headers["X-Api-Key"]
SECRET_KEY_INSECURE_PREFIX = "django-insecure-"

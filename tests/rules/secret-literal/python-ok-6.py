# bastion-fixture: accounts/checks.py
# ok: secret-literal
from django.conf import settings
from django.core.checks import Error

# The ids of the system checks below, named after the setting each one checks.
MISSING_CLIENT_SECRET_ERROR = "accounts.E002"
WEAK_PASSWORD_MSG = "Passwords need 12 characters or more"


def client_secret_check(app_configs, **kwargs):
    if not getattr(settings, "OIDC_CLIENT_SECRET", None):
        return [Error("OIDC_CLIENT_SECRET is not set", id=MISSING_CLIENT_SECRET_ERROR)]
    return []

from taiga.users.models import User


def match_users(by_key):
    """Maps each imported user key to a local user: an e-mail string or a user id."""
    matched = {}
    for key, ref in by_key.items():
        if not isinstance(ref, str):
            matched[key] = User.objects.get(id=ref)
            continue
        try:
            matched[key] = User.objects.get(email__iexact=ref)
        except User.DoesNotExist:
            matched[key] = None
    return matched

from app.models import ApiKey


def authenticate(session, digest):
    return session.query(ApiKey).filter_by(key_hash=digest).one_or_none()

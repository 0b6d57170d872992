from app.models import ApiKey


def keys_of(session, user_id):
    return session.query(ApiKey).filter(ApiKey.owner_id == user_id).all()

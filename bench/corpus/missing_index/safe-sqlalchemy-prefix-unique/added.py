from sqlalchemy import select

from app.models import ApiKey


def by_prefix(session, prefix):
    return session.execute(select(ApiKey).where(ApiKey.prefix == prefix)).scalar_one_or_none()

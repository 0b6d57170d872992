# bastion-fixture: app/models/user.py
# ok: function-predicate-without-index
from sqlalchemy import String, func
from sqlalchemy.orm import Mapped, mapped_column


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    __table_args__ = (Index("ix_lower", func.lower("email")),)
    email: Mapped[str] = mapped_column(String, index=True)


def by_email(session, value):
    return session.query(User).filter(func.lower(User.email) == value.lower()).first()

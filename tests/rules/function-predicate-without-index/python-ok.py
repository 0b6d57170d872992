# bastion-fixture: app/models/user.py
# ok: function-predicate-without-index
from sqlalchemy import String, func
from sqlalchemy.orm import Mapped, mapped_column


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String, index=True)


def by_email(session, value):
    return session.query(User).filter(User.email == value).first()

# bastion-fixture: app/models/user.py
from sqlalchemy import String, func
from sqlalchemy.orm import Mapped, mapped_column


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String, index=True)


def by_email(session, value):
# expect: function-predicate-without-index
    return session.query(User).filter(func.lower(User.email) == value.lower()).first()

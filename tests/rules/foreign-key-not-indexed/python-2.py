# bastion-fixture: app/models/order.py
from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
# expect: foreign-key-not-indexed
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

# bastion-fixture: app/models/order.py
# ok: foreign-key-not-indexed
from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_user_created", "user_id", "created"),)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"), index=True)

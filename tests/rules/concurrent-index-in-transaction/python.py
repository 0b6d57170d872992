# bastion-fixture: alembic/versions/3f2a1c_orders.py
import sqlalchemy as sa
from alembic import op


def upgrade():
# expect: concurrent-index-in-transaction
    op.create_index("ix_orders_ref", "orders", ["ref"], postgresql_concurrently=True)


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

# bastion-fixture: alembic/versions/3f2a1c_orders.py
import sqlalchemy as sa
from alembic import op


def upgrade():
# expect: enum-value-used-in-transaction
    op.execute("ALTER TYPE order_status ADD VALUE 'refunded'")
    op.execute("UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL")


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

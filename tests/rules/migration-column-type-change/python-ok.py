# bastion-fixture: alembic/versions/3f2a1c_orders.py
# ok: migration-column-type-change
import sqlalchemy as sa
from alembic import op


def upgrade():
    op.alter_column("orders", "total", server_default="0")


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

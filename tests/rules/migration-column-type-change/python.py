# bastion-fixture: alembic/versions/3f2a1c_orders.py
import sqlalchemy as sa
from alembic import op


def upgrade():
# expect: migration-column-type-change
    op.alter_column("orders", "total", type_=sa.Numeric(14, 2))


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

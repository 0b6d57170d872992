# bastion-fixture: alembic/versions/3f2a1c_orders.py
import sqlalchemy as sa
from alembic import op


def upgrade():
# expect: migration-drop-index-blocking
    op.drop_index("ix_orders_legacy", table_name="orders")


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

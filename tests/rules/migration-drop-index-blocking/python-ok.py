# bastion-fixture: alembic/versions/3f2a1c_orders.py
# ok: migration-drop-index-blocking
import sqlalchemy as sa
from alembic import op


def upgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_orders_legacy", table_name="orders", postgresql_concurrently=True)


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

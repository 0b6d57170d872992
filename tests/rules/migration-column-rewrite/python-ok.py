# bastion-fixture: alembic/versions/3f2a1c_orders.py
# ok: migration-column-rewrite
import sqlalchemy as sa
from alembic import op


def upgrade():
    op.add_column("orders", sa.Column("seen_at", sa.DateTime(timezone=True), server_default=sa.text("now()")))


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

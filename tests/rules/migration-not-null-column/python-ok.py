# bastion-fixture: alembic/versions/3f2a1c_orders.py
# ok: migration-not-null-column
import sqlalchemy as sa
from alembic import op


def upgrade():
    op.add_column("orders", sa.Column("region", sa.Text(), nullable=False, server_default="eu"))


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

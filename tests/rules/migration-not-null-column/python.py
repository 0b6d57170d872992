# bastion-fixture: alembic/versions/3f2a1c_orders.py
import sqlalchemy as sa
from alembic import op


def upgrade():
# expect: migration-not-null-column
    op.add_column("orders", sa.Column("region", sa.Text(), nullable=False))


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

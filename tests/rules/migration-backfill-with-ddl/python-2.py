# bastion-fixture: alembic/versions/3f2a1c_orders.py
import sqlalchemy as sa
from alembic import op


def upgrade():
    op.add_column("orders", sa.Column("region", sa.Text()))
# expect: migration-backfill-with-ddl
    op.execute("UPDATE orders SET region = 'eu'")


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

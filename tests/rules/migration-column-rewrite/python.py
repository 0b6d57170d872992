# bastion-fixture: alembic/versions/3f2a1c_orders.py
import sqlalchemy as sa
from alembic import op


def upgrade():
# expect: migration-column-rewrite
    op.add_column("orders", sa.Column("token", sa.Uuid(), server_default=sa.text("gen_random_uuid()")))


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

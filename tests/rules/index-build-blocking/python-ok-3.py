# bastion-fixture: alembic/versions/3f2a1c_orders.py
# ok: index-build-blocking
import sqlalchemy as sa
from alembic import op


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("ix_orders_ref", "orders", ["ref"], postgresql_concurrently=True)
    op.create_table("carts", sa.Column("id", sa.BigInteger(), primary_key=True))
    op.create_index("ix_carts_id", "carts", ["id"])


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

# bastion-fixture: alembic/versions/9a_order_indexes.py
from alembic import op


def upgrade():
    with op.get_context().autocommit_block():
# expect: index-too-wide
        op.create_index("ix_a", "orders", ["a", "b", "c", "d"], postgresql_concurrently=True)

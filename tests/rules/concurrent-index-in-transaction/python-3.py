# bastion-fixture: alembic/versions/7c1e2d_index_order_lines.py
import sqlalchemy as sa
from alembic import op


def _leave_transaction() -> None:
    raw = op.get_bind().connection.dbapi_connection
    raw.commit()
    raw.autocommit = True


def upgrade() -> None:
    # The switch comes too late: the index is built inside the migration's transaction.
# expect: concurrent-index-in-transaction
    op.create_index("ix_order_lines_sku", "order_lines", ["sku"], postgresql_concurrently=True)
    _leave_transaction()
    op.create_index(
        "ix_order_lines_order_id", "order_lines", ["order_id"], postgresql_concurrently=True
    )


def downgrade() -> None:
    op.drop_index("ix_order_lines_order_id", table_name="order_lines")
    op.drop_index("ix_order_lines_sku", table_name="order_lines")

# bastion-fixture: alembic/versions/7c1e2d_index_order_lines.py
# ok: concurrent-index-in-transaction
import os

import sqlalchemy as sa
from alembic import op


def _concurrently() -> bool:
    return os.environ.get("MIGRATE_INDEX_CONCURRENTLY") == "1"


def _leave_transaction() -> None:
    # env.py opens the transaction itself, so autocommit_block() cannot be used here.
    raw = op.get_bind().connection.dbapi_connection
    raw.commit()
    raw.autocommit = True


def _restore_transaction() -> None:
    op.get_bind().connection.dbapi_connection.autocommit = False


def upgrade() -> None:
    concurrently = _concurrently()
    if concurrently:
        _leave_transaction()
    try:
        op.create_index(
            "ix_order_lines_order_id",
            "order_lines",
            ["order_id"],
            postgresql_concurrently=concurrently,
        )
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_order_lines_sku ON order_lines (sku)")
    finally:
        if concurrently:
            _restore_transaction()


def downgrade() -> None:
    op.get_bind().connection.dbapi_connection.set_session(autocommit=True)
    op.drop_index("ix_order_lines_sku", table_name="order_lines", postgresql_concurrently=True)
    op.drop_index("ix_order_lines_order_id", table_name="order_lines", postgresql_concurrently=True)

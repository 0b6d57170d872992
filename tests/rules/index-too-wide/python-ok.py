# bastion-fixture: alembic/versions/4d1e8f27c3b9_shipment_indexes.py
# ok: index-too-wide
"""shipment lookups by warehouse and by tracking number

Revision ID: 4d1e8f27c3b9
Revises: 7c0a52e1d4f6
"""
from alembic import op

revision = "4d1e8f27c3b9"
down_revision = "7c0a52e1d4f6"


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_shipments_warehouse_status_created",
            "shipments",
            ["warehouse_id", "status", "created_at"],
            postgresql_concurrently=True,
        )
        op.create_index(
            "ix_shipments_tracking_number",
            "shipments",
            ["tracking_number"],
            unique=True,
            postgresql_concurrently=True,
        )


def downgrade():
    op.drop_index("ix_shipments_tracking_number", table_name="shipments")
    op.drop_index("ix_shipments_warehouse_status_created", table_name="shipments")

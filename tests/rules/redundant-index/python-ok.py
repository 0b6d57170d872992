# bastion-fixture: migrations/versions/3f9a1c2b7d10_index_payments_status.py
# bastion-repo: models.repo.py
# ok: redundant-index
"""index payments by status

Revision ID: 3f9a1c2b7d10
Revises: 91be07c4aa21
"""
from alembic import op

revision = "3f9a1c2b7d10"
down_revision = "91be07c4aa21"


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_payments_status_created",
            "payments",
            ["status", "created_at"],
            postgresql_concurrently=True,
        )


def downgrade():
    op.drop_index("ix_payments_status_created", table_name="payments")

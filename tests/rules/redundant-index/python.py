# bastion-fixture: migrations/versions/3f9a1c2b7d10_index_payments_merchant.py
# bastion-repo: models.repo.py
"""index payments by merchant

Revision ID: 3f9a1c2b7d10
Revises: 91be07c4aa21
"""
from alembic import op

revision = "3f9a1c2b7d10"
down_revision = "91be07c4aa21"


def upgrade():
    with op.get_context().autocommit_block():
# expect: redundant-index
        op.create_index(
            "ix_payments_merchant_id",
            "payments",
            ["merchant_id"],
            postgresql_concurrently=True,
        )


def downgrade():
    op.drop_index("ix_payments_merchant_id", table_name="payments")

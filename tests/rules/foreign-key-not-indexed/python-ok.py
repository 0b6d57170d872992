# bastion-fixture: migrations/versions/5c2e9d0a41f7_payouts_merchant_fk.py
# bastion-repo: models.repo.py
# ok: foreign-key-not-indexed
"""constrain payouts.merchant_id, indexed first

Revision ID: 5c2e9d0a41f7
Revises: 1a7b3c9e2f00
"""
from alembic import op

revision = "5c2e9d0a41f7"
down_revision = "1a7b3c9e2f00"


def upgrade():
    op.create_index("ix_payouts_merchant_id", "payouts", ["merchant_id"])
    op.create_foreign_key(
        "fk_payouts_merchant_id", "payouts", "merchants", ["merchant_id"], ["id"], ondelete="CASCADE"
    )


def downgrade():
    op.drop_constraint("fk_payouts_merchant_id", "payouts", type_="foreignkey")
    op.drop_index("ix_payouts_merchant_id", table_name="payouts")

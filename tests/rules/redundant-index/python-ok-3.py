# bastion-fixture: migrations/versions/8e4f17a2c3b5_certificate_name_index.py
# bastion-repo: constraint.repo.py
# ok: redundant-index
# The unnamed unique constraint is dropped by the name PostgreSQL gave it
# (`certificates_name_key`) and replaced by a unique index: one, not two.
"""certificate name index

Revision ID: 8e4f17a2c3b5
Revises: 5b2e91c0a7d4
"""
from alembic import op

revision = "8e4f17a2c3b5"
down_revision = "5b2e91c0a7d4"


def upgrade():
    op.drop_constraint("certificates_name_key", "certificates", type_="unique")
    op.create_index(op.f("ix_certificates_name"), "certificates", ["name"], unique=True)


def downgrade():
    op.drop_index(op.f("ix_certificates_name"), table_name="certificates")
    op.create_unique_constraint("certificates_name_key", "certificates", ["name"])

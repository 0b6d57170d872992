# bastion-fixture: migrations/versions/5b2e91c0a7d4_unique_certificate_names.py
"""unique certificate names

Revision ID: 5b2e91c0a7d4
Revises: 1c7d0e3f2a98
"""
import sqlalchemy as sa
from alembic import op

revision = "5b2e91c0a7d4"
down_revision = "1c7d0e3f2a98"


def upgrade():
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("owner", sa.String(128)),
    )
    op.create_unique_constraint(None, "certificates", ["name"])


def downgrade():
    op.drop_constraint(None, "certificates", type_="unique")

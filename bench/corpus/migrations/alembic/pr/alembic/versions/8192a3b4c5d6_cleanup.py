"""drop legacy columns and tables

Revision ID: 8192a3b4c5d6
Revises: 708192a3b4c5
"""
import sqlalchemy as sa
from alembic import op

revision = "8192a3b4c5d6"
down_revision = "708192a3b4c5"


def upgrade() -> None:
    op.drop_column("posts", "legacy_html")
    op.drop_table("sessions")
    op.rename_table("teams", "groups")
    op.alter_column("users", "display_name", new_column_name="full_name")


def downgrade() -> None:
    op.alter_column("users", "full_name", new_column_name="display_name")
    op.rename_table("groups", "teams")
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token", sa.String(64), nullable=False),
    )
    op.add_column("posts", sa.Column("legacy_html", sa.Text(), nullable=True))

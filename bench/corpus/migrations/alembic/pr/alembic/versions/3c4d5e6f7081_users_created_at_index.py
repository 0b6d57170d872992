"""index users.created_at concurrently

Revision ID: 3c4d5e6f7081
Revises: 2b3c4d5e6f70
"""
from alembic import op

revision = "3c4d5e6f7081"
down_revision = "2b3c4d5e6f70"


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_users_created_at",
            "users",
            ["created_at"],
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index("ix_users_created_at", table_name="users", postgresql_concurrently=True)

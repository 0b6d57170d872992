"""index posts.author_id

Revision ID: 2b3c4d5e6f70
Revises: 1a2b3c4d5e6f
"""
from alembic import op

revision = "2b3c4d5e6f70"
down_revision = "1a2b3c4d5e6f"


def upgrade() -> None:
    op.create_index("ix_posts_author_id", "posts", ["author_id"])


def downgrade() -> None:
    op.drop_index("ix_posts_author_id", table_name="posts")

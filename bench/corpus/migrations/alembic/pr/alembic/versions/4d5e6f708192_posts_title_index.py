"""index posts.title concurrently

Revision ID: 4d5e6f708192
Revises: 3c4d5e6f7081
"""
from alembic import op

revision = "4d5e6f708192"
down_revision = "3c4d5e6f7081"


def upgrade() -> None:
    op.create_index("ix_posts_title", "posts", ["title"], postgresql_concurrently=True)


def downgrade() -> None:
    op.drop_index("ix_posts_title", table_name="posts")

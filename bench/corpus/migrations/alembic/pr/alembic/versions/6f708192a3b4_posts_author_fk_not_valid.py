"""posts.author_id references users, validated separately

Revision ID: 6f708192a3b4
Revises: 5e6f708192a3
"""
from alembic import op

revision = "6f708192a3b4"
down_revision = "5e6f708192a3"


def upgrade() -> None:
    op.create_foreign_key(
        "fk_posts_author_id_users",
        "posts",
        "users",
        ["author_id"],
        ["id"],
        postgresql_not_valid=True,
    )
    op.execute("ALTER TABLE posts VALIDATE CONSTRAINT fk_posts_author_id_users")


def downgrade() -> None:
    op.drop_constraint("fk_posts_author_id_users", "posts", type_="foreignkey")

"""usernames are unique, scores are bounded

Revision ID: 708192a3b4c5
Revises: 6f708192a3b4
"""
import sqlalchemy as sa
from alembic import op

revision = "708192a3b4c5"
down_revision = "6f708192a3b4"


def upgrade() -> None:
    op.create_unique_constraint("uq_users_username", "users", ["username"])
    op.create_check_constraint("ck_posts_score_range", "posts", "score BETWEEN 0 AND 100")
    op.add_column(
        "posts",
        sa.Column("uuid", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
    )
    op.add_column("posts", sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id"), nullable=True))


def downgrade() -> None:
    op.drop_column("posts", "team_id")
    op.drop_column("posts", "uuid")
    op.drop_constraint("ck_posts_score_range", "posts", type_="check")
    op.drop_constraint("uq_users_username", "users", type_="unique")

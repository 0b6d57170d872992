"""users belong to an org

Revision ID: 5e6f708192a3
Revises: 4d5e6f708192
"""
import sqlalchemy as sa
from alembic import op

revision = "5e6f708192a3"
down_revision = "4d5e6f708192"


def upgrade() -> None:
    op.add_column("users", sa.Column("org_id", sa.Integer(), nullable=False))
    op.alter_column("users", "email", existing_type=sa.String(255), nullable=False)
    op.alter_column("posts", "views", existing_type=sa.Integer(), type_=sa.BigInteger())
    op.create_foreign_key("fk_posts_org_id_orgs", "posts", "orgs", ["org_id"], ["id"])
    op.add_column("users", sa.Column("is_admin", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("users", sa.Column("bio", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "bio")
    op.drop_column("users", "is_admin")
    op.drop_constraint("fk_posts_org_id_orgs", "posts", type_="foreignkey")
    op.alter_column("posts", "views", existing_type=sa.BigInteger(), type_=sa.Integer())
    op.alter_column("users", "email", existing_type=sa.String(255), nullable=True)
    op.drop_column("users", "org_id")

import sqlalchemy as sa
from alembic import op

revision = "b7"
down_revision = None


def upgrade():
    op.create_table(
        "devices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("serial", sa.String(40), nullable=False),
        sa.Column("push_token", sa.String(200)),
    )
    op.create_index("ix_devices_user_id", "devices", ["user_id"])

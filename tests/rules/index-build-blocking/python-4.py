# bastion-fixture: portal/migration/versions/108_f7b64c701a10_email_no_case.py
"""Case-insensitive unique e-mail index (Alembic in a `migration/versions` folder)."""

import sqlalchemy as sa
from alembic import op

revision = "f7b64c701a10"
down_revision = "4eaa5fcf3092"


def upgrade():
    # expect: index-build-blocking
    op.create_index(
        "idx_only_one_active_email_no_case",
        "user",
        [sa.func.lower(sa.Column("email")), "state"],
        unique=True,
        postgresql_where=sa.text("\"user\".state = 'active'"),
    )
    op.drop_index("idx_only_one_active_email", table_name="user")


def downgrade():
    op.drop_index("idx_only_one_active_email_no_case", table_name="user")

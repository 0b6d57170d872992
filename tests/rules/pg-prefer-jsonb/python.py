# bastion-fixture: alembic/versions/5c1d_events.py
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


def upgrade():
# expect: pg-prefer-jsonb
    op.add_column("orders", sa.Column("extra", sa.JSON(), nullable=True))
# expect: pg-prefer-jsonb
    op.create_table("events", sa.Column("payload", postgresql.JSON))

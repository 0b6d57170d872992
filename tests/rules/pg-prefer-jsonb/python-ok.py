# bastion-fixture: alembic/versions/5c1d_events.py
# ok: pg-prefer-jsonb
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


def upgrade():
    op.add_column("orders", sa.Column("extra", postgresql.JSONB()))

# bastion-fixture: alembic/versions/3f2a1c_orders.py
# ok: migration-drop-or-rename
import sqlalchemy as sa
from alembic import op


def upgrade():
    op.add_column("orders", sa.Column("ref", sa.Text()))


def downgrade():
    op.drop_column("orders", "ref")

# bastion-fixture: alembic/versions/3f2a1c_orders.py
import sqlalchemy as sa
from alembic import op


def upgrade():
    op.add_column("orders", sa.Column("region", sa.Text()))


# expect: migration-irreversible
def downgrade():
    pass

# bastion-fixture: alembic/versions/3f2a1c_orders.py
# ok: migration-constraint-validating
import sqlalchemy as sa
from alembic import op


def upgrade():
    op.execute(
        "ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) "
        "REFERENCES users (id) NOT VALID"
    )


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

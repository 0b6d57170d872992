# bastion-fixture: alembic/versions/3f2a1c_orders.py
import sqlalchemy as sa
from alembic import op


def upgrade():
# expect: migration-constraint-validating
    op.create_foreign_key("fk_orders_user", "orders", "users", ["user_id"], ["id"])


def downgrade():
    op.drop_index("ix_orders_ref", table_name="orders")

# bastion-fixture: alembic/versions/5b7c2d_token_scopes.py
# ok: enum-value-used-in-transaction
from alembic import op


def upgrade():
    # One value added to two enum types: neither statement uses the value.
    op.execute("ALTER TYPE user_token_scope ADD VALUE IF NOT EXISTS 'export_requests'")
    op.execute("ALTER TYPE oauth_code_scope ADD VALUE IF NOT EXISTS 'export_requests'")


def downgrade():
    pass

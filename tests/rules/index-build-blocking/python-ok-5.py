# bastion-fixture: backend/alembic/versions/0100_virtual_collection_roms.py
# ok: index-build-blocking
# The table is named by a module constant: the index is built on the table this migration
# just created, which holds no rows yet.
import sqlalchemy as sa
from alembic import op

revision = "0100_virtual_collection_roms"
down_revision = "0099_rom_files"

TABLE = "virtual_collection_roms"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("rom_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", "rom_id"),
    )
    op.create_index(f"idx_{TABLE}_rom_id", TABLE, ["rom_id"])


def downgrade() -> None:
    op.drop_table(TABLE)

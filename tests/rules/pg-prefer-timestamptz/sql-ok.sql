-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-prefer-timestamptz
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;

-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-prefer-timestamptz
ALTER TABLE orders ADD COLUMN shipped_at timestamp;

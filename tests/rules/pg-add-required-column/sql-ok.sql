-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-add-required-column
ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';

-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-add-required-column
ALTER TABLE orders ADD COLUMN region text NOT NULL;

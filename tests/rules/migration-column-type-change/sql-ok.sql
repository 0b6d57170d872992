-- bastion-fixture: db/migrations/0042_change.sql
-- ok: migration-column-type-change
ALTER TABLE orders ADD COLUMN total_v2 numeric(14, 2);

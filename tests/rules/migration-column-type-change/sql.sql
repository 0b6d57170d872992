-- bastion-fixture: db/migrations/0042_change.sql
-- expect: migration-column-type-change
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);

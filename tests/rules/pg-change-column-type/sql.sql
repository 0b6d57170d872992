-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-change-column-type
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);

-- bastion-fixture: db/migrations/0042_change.sql
ALTER TABLE orders ADD COLUMN note text;
-- expect: sql-not-analysed
CREATE INDEX ON;

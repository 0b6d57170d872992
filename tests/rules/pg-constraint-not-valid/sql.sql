-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-constraint-not-valid
ALTER TABLE orders ADD CONSTRAINT total_pos CHECK (total >= 0);

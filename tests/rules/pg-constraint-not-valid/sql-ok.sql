-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-constraint-not-valid
ALTER TABLE orders ADD CONSTRAINT total_pos CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT total_pos;

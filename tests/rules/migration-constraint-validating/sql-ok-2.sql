-- bastion-fixture: db/migrations/0042_change.sql
-- ok: migration-constraint-validating
ALTER TABLE orders ADD CONSTRAINT total_pos CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT total_pos;

-- bastion-fixture: db/migrations/0042_change.sql
-- expect: migration-constraint-validating
ALTER TABLE orders ADD CONSTRAINT total_pos CHECK (total >= 0);

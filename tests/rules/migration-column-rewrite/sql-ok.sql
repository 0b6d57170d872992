-- bastion-fixture: db/migrations/0042_change.sql
-- ok: migration-column-rewrite
ALTER TABLE orders ADD COLUMN status text DEFAULT 'new';

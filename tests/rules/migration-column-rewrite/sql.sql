-- bastion-fixture: db/migrations/0042_change.sql
-- expect: migration-column-rewrite
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();

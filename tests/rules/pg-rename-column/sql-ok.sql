-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-rename-column
ALTER TABLE users ADD COLUMN email text;

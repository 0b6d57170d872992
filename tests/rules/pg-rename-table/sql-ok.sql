-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-rename-table
ALTER TABLE users ADD COLUMN plan text;

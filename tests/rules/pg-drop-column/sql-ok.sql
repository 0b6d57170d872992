-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-drop-column
ALTER TABLE users ADD COLUMN legacy_flag boolean;

-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-drop-column
ALTER TABLE users DROP COLUMN legacy_flag;

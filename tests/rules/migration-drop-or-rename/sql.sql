-- bastion-fixture: db/migrations/0042_change.sql
-- expect: migration-drop-or-rename
ALTER TABLE users DROP COLUMN legacy_flag;

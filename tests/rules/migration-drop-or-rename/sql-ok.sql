-- bastion-fixture: db/migrations/0042_change.sql
-- ok: migration-drop-or-rename
ALTER TABLE users ADD COLUMN legacy_flag boolean;

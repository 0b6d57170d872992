-- bastion-fixture: db/migrations/0042_change.sql
-- expect: migration-drop-or-rename
DROP TABLE audit_log;

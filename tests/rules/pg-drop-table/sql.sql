-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-drop-table
DROP TABLE audit_log;

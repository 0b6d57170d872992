-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-rename-table
ALTER TABLE users RENAME TO accounts;

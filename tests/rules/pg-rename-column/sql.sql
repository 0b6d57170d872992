-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-rename-column
ALTER TABLE users RENAME COLUMN mail TO email;

-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-add-unique-constraint-locking
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);

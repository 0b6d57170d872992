-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-add-unique-constraint-locking
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;

-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-add-primary-key-locking
ALTER TABLE events ADD CONSTRAINT events_pk PRIMARY KEY USING INDEX e;

-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-add-primary-key-locking
ALTER TABLE events ADD PRIMARY KEY (id);

-- bastion-fixture: db/migrations/mysql/0007_events.sql
-- ok: pg-prefer-jsonb
CREATE TABLE events (id BIGINT PRIMARY KEY, payload JSON) ENGINE=InnoDB;

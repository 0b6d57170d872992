-- bastion-fixture: db/migrations/0007_events.sql
CREATE TABLE events (
  id bigint PRIMARY KEY,
-- expect: pg-prefer-jsonb
  payload json NOT NULL,
  meta jsonb
);
-- expect: pg-prefer-jsonb
ALTER TABLE orders ADD COLUMN extra JSON;
-- expect: pg-prefer-jsonb
ALTER TABLE orders ALTER COLUMN info TYPE json USING info::json;

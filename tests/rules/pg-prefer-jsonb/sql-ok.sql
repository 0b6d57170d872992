-- bastion-fixture: db/migrations/0007_events.sql
-- ok: pg-prefer-jsonb
CREATE TABLE events (
  id bigint PRIMARY KEY,
  payload jsonb NOT NULL
);
-- payload used to be json
SELECT json_build_object('a', 1), '{}'::json, CAST(x AS json) FROM t;
ALTER TABLE orders ADD COLUMN note text DEFAULT 'json';

-- bastion-fixture: db/migrations/0042_change.sql
CREATE TABLE orders (
-- expect: pg-prefer-bigint
  id serial PRIMARY KEY,
-- expect: pg-prefer-bigint
  user_id integer,
  quantity int
);

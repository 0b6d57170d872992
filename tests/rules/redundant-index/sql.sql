-- bastion-fixture: db/migrations/0003_indexes.sql
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, created_at timestamptz, email text UNIQUE);
CREATE INDEX orders_user_created ON orders (user_id, created_at);
-- expect: redundant-index
CREATE INDEX orders_user ON orders (user_id);
-- expect: redundant-index
ALTER TABLE orders ADD CONSTRAINT orders_email_key2 UNIQUE (email);

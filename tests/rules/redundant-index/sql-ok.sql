-- bastion-fixture: db/migrations/0003_indexes.sql
-- ok: redundant-index
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, created_at timestamptz);
CREATE INDEX orders_user_created ON orders (user_id, created_at);
CREATE UNIQUE INDEX orders_user_unique ON orders (user_id) WHERE created_at IS NULL;

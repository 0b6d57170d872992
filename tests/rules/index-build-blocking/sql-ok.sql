-- bastion-fixture: db/migrations/0042_change.sql
-- ok: index-build-blocking
CREATE INDEX CONCURRENTLY idx_orders_user ON orders (user_id);
CREATE TABLE carts (id bigint PRIMARY KEY, owner_id bigint);
CREATE INDEX idx_carts_owner ON carts (owner_id);

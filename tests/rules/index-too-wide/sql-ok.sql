-- bastion-fixture: db/migrations/0042_order_indexes.sql
-- ok: index-too-wide
CREATE UNIQUE INDEX CONCURRENTLY orders_u ON orders (user_id, status, region, ref);
CREATE UNIQUE INDEX CONCURRENTLY orders_b ON orders (shop_id);
CREATE INDEX CONCURRENTLY orders_c ON orders (shop_id, created_at);
CREATE INDEX CONCURRENTLY carts_c ON carts (shop_id);

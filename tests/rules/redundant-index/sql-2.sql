-- bastion-fixture: db/migrations/0042_order_indexes.sql
-- expect: redundant-index
CREATE INDEX CONCURRENTLY orders_b ON orders (shop_id);
CREATE INDEX CONCURRENTLY orders_c ON orders (shop_id, created_at);

-- bastion-fixture: db/migrations/0042_order_indexes.sql
-- expect: index-too-wide
CREATE INDEX CONCURRENTLY orders_a ON orders (user_id, status, region, created_at);
CREATE INDEX CONCURRENTLY orders_c ON orders (shop_id, created_at);

-- bastion-fixture: db/migrations/0042_change.sql
BEGIN;
-- expect: concurrent-index-in-transaction
CREATE INDEX CONCURRENTLY idx_orders_user ON orders (user_id);
COMMIT;

-- bastion-fixture: db/migrations/0044_order_region.sql
-- expect: enum-value-used-in-transaction
ALTER TYPE order_status ADD VALUE 'refunded';
UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;

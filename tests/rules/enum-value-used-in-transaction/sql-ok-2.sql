-- bastion-fixture: db/migrations/0044_order_region.sql
-- ok: enum-value-used-in-transaction
-- +goose NO TRANSACTION
ALTER TYPE order_status ADD VALUE 'refunded';
UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;

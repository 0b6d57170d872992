-- bastion-fixture: db/migrations/0044_order_region.sql
-- ok: enum-value-used-in-transaction
ALTER TYPE order_status ADD VALUE 'refunded';
ALTER TYPE order_status ADD VALUE 'voided' AFTER 'refunded';
COMMIT;
UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;

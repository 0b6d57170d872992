-- bastion-fixture: db/migrations/0044_order_region.sql
-- ok: migration-backfill-with-ddl
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
COMMIT;
UPDATE orders SET region = 'eu';
ALTER TABLE carts ADD COLUMN note text;
UPDATE carts SET note = '' WHERE id < 1000;
UPDATE users SET active = true;
CREATE TABLE refunds (id bigint PRIMARY KEY, state text);
UPDATE refunds SET state = 'new';

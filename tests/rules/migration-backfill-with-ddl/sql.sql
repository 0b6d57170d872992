-- bastion-fixture: db/migrations/0044_order_region.sql
ALTER TABLE orders ADD COLUMN region text;
-- expect: migration-backfill-with-ddl
UPDATE orders SET region = 'eu';
-- expect: migration-backfill-with-ddl
DELETE FROM carts
  WHERE owner_id IS NULL;
ALTER TABLE carts DROP COLUMN legacy;

-- bastion-fixture: db/migrations/0007_change.sql
-- ok: pg-set-not-null-scan
ALTER TABLE orders ADD CONSTRAINT orders_user_nn CHECK (user_id IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_nn;
ALTER TABLE orders ALTER COLUMN user_id SET NOT NULL;
CREATE TABLE carts (id bigint PRIMARY KEY, owner bigint);
ALTER TABLE carts ALTER COLUMN owner SET NOT NULL;
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;

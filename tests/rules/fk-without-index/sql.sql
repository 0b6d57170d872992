-- bastion-fixture: db/migrations/0009_orders.sql
CREATE TABLE orders (
  id bigint PRIMARY KEY,
-- expect: fk-without-index
  user_id bigint NOT NULL REFERENCES users (id),
  cart_id bigint,
-- expect: fk-without-index
  CONSTRAINT orders_cart_fk FOREIGN KEY (cart_id) REFERENCES carts (id)
);
-- expect: fk-without-index
ALTER TABLE refunds ADD COLUMN order_id bigint REFERENCES orders (id);

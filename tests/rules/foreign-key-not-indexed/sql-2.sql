-- bastion-fixture: db/migrations/0009_orders.sql
CREATE TABLE orders (
  id bigint PRIMARY KEY,
-- expect: foreign-key-not-indexed
  user_id bigint NOT NULL REFERENCES users (id),
  cart_id bigint,
-- expect: foreign-key-not-indexed
  CONSTRAINT orders_cart_fk FOREIGN KEY (cart_id) REFERENCES carts (id)
);
-- expect: foreign-key-not-indexed
ALTER TABLE refunds ADD COLUMN order_id bigint REFERENCES orders (id);

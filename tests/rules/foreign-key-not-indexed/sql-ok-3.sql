-- bastion-fixture: db/migrations/0009_orders.sql
-- ok: foreign-key-not-indexed
-- bastion-repo: refunds.repo.sql
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  cart_id bigint UNIQUE REFERENCES carts (id)
);
CREATE INDEX orders_user_created ON orders (user_id, created_at);
-- an existing column: its index may come from an earlier migration
ALTER TABLE refunds ADD CONSTRAINT refunds_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;

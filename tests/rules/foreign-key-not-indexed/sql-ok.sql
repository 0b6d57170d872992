-- bastion-fixture: db/migrations/0002_refunds.sql
-- ok: foreign-key-not-indexed
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint);
CREATE INDEX refunds_order_created ON refunds (order_id, id);
ALTER TABLE refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;

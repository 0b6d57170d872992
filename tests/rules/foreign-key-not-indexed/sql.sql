-- bastion-fixture: db/migrations/0008_shipments_order_fk.sql
-- bastion-repo: schema.repo.sql
-- shipments.order_id predates the constraint; it was only ever a loose reference.
-- expect: foreign-key-not-indexed
ALTER TABLE shipments ADD CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
ALTER TABLE shipments VALIDATE CONSTRAINT shipments_order_fk;

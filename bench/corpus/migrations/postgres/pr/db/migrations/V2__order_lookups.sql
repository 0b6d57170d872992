-- The dashboard filters orders by status and sorts by creation time.
CREATE INDEX orders_status_idx ON orders (status);

CREATE UNIQUE INDEX accounts_email_lower_key ON accounts (lower(email));

ALTER TABLE invoices
    ADD CONSTRAINT invoices_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);

ALTER TABLE invoices ADD CONSTRAINT invoices_amount_positive CHECK (amount >= 0);

ALTER TABLE shipments ADD COLUMN return_order_id bigint REFERENCES orders (id);

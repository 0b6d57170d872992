ALTER TABLE shipments
    ADD CONSTRAINT shipments_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;

ALTER TABLE shipments VALIDATE CONSTRAINT shipments_order_id_fkey;

ALTER TABLE shipments
    ADD CONSTRAINT shipments_carrier_known CHECK (carrier IN ('ups', 'dhl', 'fedex')) NOT VALID;

ALTER TABLE shipments VALIDATE CONSTRAINT shipments_carrier_known;

CREATE TABLE refunds (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    reason text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_order_id_idx ON refunds (order_id);

ALTER TABLE accounts ADD COLUMN nickname text;

ALTER TABLE accounts ADD COLUMN is_active boolean NOT NULL DEFAULT true;

-- bastion-fixture: db/migrations/0007_shipments.sql
CREATE TABLE shipments (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL,
    carrier text NOT NULL,
    shipped_at timestamptz
);

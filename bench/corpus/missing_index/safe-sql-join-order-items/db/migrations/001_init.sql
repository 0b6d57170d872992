CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    tracking_number text,
    placed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_id_placed_at_idx ON orders (customer_id, placed_at);

CREATE TABLE line_items (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    sku text NOT NULL,
    quantity integer NOT NULL
);
CREATE INDEX line_items_order_id_idx ON line_items (order_id);

CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    name text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    status text NOT NULL,
    total_cents integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_account_id_idx ON orders (account_id);

CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL,
    order_id bigint NOT NULL,
    amount numeric(10, 2) NOT NULL,
    note varchar(100),
    legacy_ref text,
    issued_at timestamptz
);
CREATE INDEX invoices_account_id_idx ON invoices (account_id);
CREATE INDEX invoices_order_id_idx ON invoices (order_id);

CREATE TABLE shipments (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL,
    carrier text NOT NULL,
    tracking_code text
);
CREATE INDEX shipments_order_id_idx ON shipments (order_id);

CREATE TABLE audit_events (
    id bigserial PRIMARY KEY,
    account_id bigint,
    kind text NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE coupons (
    id bigserial PRIMARY KEY,
    code text NOT NULL,
    percent_off integer NOT NULL
);

CREATE TABLE posts (
    id bigserial PRIMARY KEY,
    title text NOT NULL
);

CREATE TABLE comments (
    id bigserial PRIMARY KEY,
    post_id bigint NOT NULL,
    body text NOT NULL
);

CREATE TABLE import_batches (
    id bigserial PRIMARY KEY,
    filename text NOT NULL
);

CREATE TABLE payments (
    id bigserial PRIMARY KEY,
    invoice_id bigint NOT NULL,
    amount_cents integer NOT NULL
);

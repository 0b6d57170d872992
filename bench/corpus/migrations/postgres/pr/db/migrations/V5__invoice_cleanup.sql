ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;

ALTER TABLE invoices ALTER COLUMN note TYPE text;

ALTER TABLE orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();

ALTER TABLE orders ADD COLUMN region text NOT NULL;

ALTER TABLE audit_events RENAME COLUMN kind TO event_type;

ALTER TABLE coupons RENAME TO promo_codes;

ALTER TABLE invoices DROP COLUMN legacy_ref;

DROP TABLE import_batches;

ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);

ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;

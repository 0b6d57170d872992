ALTER TABLE audit_events ADD COLUMN source text NOT NULL DEFAULT 'api';

ALTER TABLE audit_events
    ADD CONSTRAINT audit_events_payload_not_null CHECK (payload IS NOT NULL) NOT VALID;
ALTER TABLE audit_events VALIDATE CONSTRAINT audit_events_payload_not_null;

CREATE TABLE coupon_redemptions (
    id bigserial PRIMARY KEY,
    coupon_id bigint NOT NULL REFERENCES coupons (id),
    account_id bigint NOT NULL REFERENCES accounts (id),
    redeemed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coupon_redemptions_coupon_id_idx ON coupon_redemptions (coupon_id);
CREATE INDEX coupon_redemptions_account_id_idx ON coupon_redemptions (account_id);
ALTER TABLE coupon_redemptions ADD CONSTRAINT coupon_redemptions_once UNIQUE (coupon_id, account_id);

-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-prefer-bigint
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, quantity int);

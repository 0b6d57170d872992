-- bastion-fixture: db/migrations/0004_refunds.sql
CREATE TABLE refunds (id bigint PRIMARY KEY, user_id bigint NOT NULL, amount numeric);
CREATE INDEX refunds_user ON refunds (user_id);

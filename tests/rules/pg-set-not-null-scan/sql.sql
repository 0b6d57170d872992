-- bastion-fixture: db/migrations/0007_change.sql
-- expect: pg-set-not-null-scan
ALTER TABLE orders
  ALTER COLUMN user_id SET NOT NULL;

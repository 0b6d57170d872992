-- bastion-fixture: db/migrations/0042_change.sql
-- expect: migration-constraint-validating
ALTER TABLE orders ADD CONSTRAINT orders_user_fk
  FOREIGN KEY (user_id) REFERENCES users (id);

-- bastion-fixture: db/migrations/0042_change.sql
-- expect: migration-drop-index-blocking
DROP INDEX idx_orders_user;

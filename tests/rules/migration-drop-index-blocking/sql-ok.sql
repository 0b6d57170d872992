-- bastion-fixture: db/migrations/0042_change.sql
-- ok: migration-drop-index-blocking
DROP INDEX CONCURRENTLY idx_orders_user;

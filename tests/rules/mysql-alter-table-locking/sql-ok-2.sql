-- bastion-fixture: db/migrations/0007_change.sql
-- ok: mysql-alter-table-locking
ALTER TABLE orders ADD COLUMN note text;

-- bastion-fixture: db/migrations/mysql/0007_change.sql
-- expect: mysql-alter-table-locking
ALTER TABLE orders ADD COLUMN note VARCHAR(255);
-- expect: mysql-alter-table-locking
ALTER TABLE orders
  MODIFY COLUMN total DECIMAL(12, 2),
  ALGORITHM=COPY;

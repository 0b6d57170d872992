-- bastion-fixture: db/migrations/0008_orders.sql
-- expect: mysql-alter-table-locking
ALTER TABLE `orders` ADD INDEX idx_user (`user_id`), ALGORITHM=INPLACE;

-- bastion-fixture: db/migrations/mysql/0007_change.sql
-- ok: mysql-alter-table-locking
ALTER TABLE orders ADD COLUMN note VARCHAR(255), ALGORITHM=INSTANT;
ALTER TABLE orders ADD INDEX idx_user (user_id), ALGORITHM=INPLACE, LOCK=NONE;
CREATE TABLE refunds (id BIGINT PRIMARY KEY) ENGINE=InnoDB;
ALTER TABLE refunds ADD COLUMN amount INT;

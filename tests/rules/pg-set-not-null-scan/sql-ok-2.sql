-- bastion-fixture: db/migrations/mysql/0007_change.sql
-- ok: pg-set-not-null-scan
ALTER TABLE orders MODIFY user_id BIGINT NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

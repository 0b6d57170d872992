-- bastion-fixture: db/migrations/mysql/0009_orders.sql
-- ok: foreign-key-not-indexed
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT,
  FOREIGN KEY (user_id) REFERENCES users (id)) ENGINE=InnoDB;

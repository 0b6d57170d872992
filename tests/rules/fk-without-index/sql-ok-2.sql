-- bastion-fixture: db/migrations/mysql/0009_orders.sql
-- ok: fk-without-index
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT,
  FOREIGN KEY (user_id) REFERENCES users (id)) ENGINE=InnoDB;

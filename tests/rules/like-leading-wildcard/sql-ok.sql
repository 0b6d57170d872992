-- bastion-fixture: db/queries/products.sql
-- ok: like-leading-wildcard
SELECT id, name FROM products WHERE name LIKE $1 || '%';

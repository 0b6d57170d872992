-- bastion-fixture: db/queries/products.sql
-- name: Search :many
-- expect: like-leading-wildcard
SELECT id, name FROM products WHERE name ILIKE '%' || $1 || '%';

-- bastion-fixture: db/migrations/0042_change.sql
-- expect: index-build-blocking
CREATE INDEX idx_orders_user ON orders (user_id);
-- expect: index-build-blocking
create unique index idx_orders_ref
  on orders (ref);

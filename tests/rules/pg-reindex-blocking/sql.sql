-- bastion-fixture: db/migrations/0042_change.sql
-- expect: pg-reindex-blocking
REINDEX TABLE orders;

-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-reindex-blocking
REINDEX TABLE CONCURRENTLY orders;

DROP INDEX CONCURRENTLY IF EXISTS audit_events_account_id_idx;

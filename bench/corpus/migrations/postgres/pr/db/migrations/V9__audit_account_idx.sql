CREATE INDEX CONCURRENTLY audit_events_account_id_idx ON audit_events (account_id);

CREATE INDEX CONCURRENTLY IF NOT EXISTS builds_started_at_idx ON builds (started_at);

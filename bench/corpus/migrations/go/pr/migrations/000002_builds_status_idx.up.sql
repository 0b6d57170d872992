CREATE INDEX IF NOT EXISTS builds_status_idx ON builds (status);

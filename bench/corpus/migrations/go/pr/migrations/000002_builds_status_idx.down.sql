DROP INDEX IF EXISTS builds_status_idx;

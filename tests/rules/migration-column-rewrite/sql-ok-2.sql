-- bastion-fixture: db/migrations/0043_attempt_number.sql
-- Constant defaults are stored in the catalog since PostgreSQL 11: no table rewrite.
-- ok: migration-column-rewrite
ALTER TABLE message_attempts ADD COLUMN attempt_number SMALLINT NOT NULL DEFAULT -1;
-- ok: migration-column-rewrite
ALTER TABLE message_attempts ADD COLUMN weight numeric NOT NULL DEFAULT CAST(-2.5 AS numeric);
-- ok: migration-column-rewrite
ALTER TABLE message_attempts ADD COLUMN retries integer NOT NULL DEFAULT (-3);

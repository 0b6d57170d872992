-- bastion-fixture: db/migrations/0044_attempt_token.sql
-- A volatile default is evaluated per row: the table is rewritten under an exclusive lock.
-- expect: migration-column-rewrite
ALTER TABLE message_attempts ADD COLUMN retries integer NOT NULL DEFAULT -1, ADD COLUMN token uuid DEFAULT gen_random_uuid();

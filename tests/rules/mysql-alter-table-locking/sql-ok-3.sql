-- bastion-fixture: migrations/2026-06-17-110629-0000_items_checksum_drop_not_null/up.sql
-- PostgreSQL: the backticked `checksum` and `sha256` of this comment are Markdown, not
-- MySQL quoting, and so is the `NULL` in the column comment below.
-- ok: mysql-alter-table-locking
ALTER TABLE items ALTER COLUMN checksum DROP NOT NULL;
ALTER TABLE items ADD COLUMN IF NOT EXISTS zip_sha256 BYTEA NULL;
COMMENT ON COLUMN items.zip_sha256 IS 'SHA256 of the archive, or `NULL` if not built yet.';

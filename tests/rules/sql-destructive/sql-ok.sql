-- bastion-fixture: db/migrations/0007_change.sql
-- ok: sql-destructive
TRUNCATE sessions;
DROP TABLE IF EXISTS tmp_import;
DROP SCHEMA staging;
-- TRUNCATE users CASCADE;
INSERT INTO notes (body) VALUES ('DROP DATABASE prod;');

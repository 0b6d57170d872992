-- bastion-fixture: db/migrations/0007_change.sql
-- reset
-- expect: sql-destructive
TRUNCATE users CASCADE;
-- expect: sql-destructive
DROP DATABASE legacy;
-- expect: sql-destructive
DROP SCHEMA
  reporting CASCADE;

-- bastion-fixture: db/migrations/mysql/0007_change.sql
-- expect: sql-destructive
DROP DATABASE IF EXISTS `legacy`;

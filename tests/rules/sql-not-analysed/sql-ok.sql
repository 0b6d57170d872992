-- bastion-fixture: db/migrations/0042_change.sql
-- ok: sql-not-analysed
ALTER TABLE {{ schema }}.orders ADD COLUMN note text;

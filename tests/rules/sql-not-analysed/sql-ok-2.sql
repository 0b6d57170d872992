-- bastion-fixture: db/migrations/0042_change.sql
-- ok: sql-not-analysed
DO $$
BEGIN
  ALTER TABLE orders ADD COLUMN note text;
END
$$;

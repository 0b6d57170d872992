-- bastion-fixture: db/migrations/20240601000000_daily_totals.sql
-- ok: matview-drop-recreate
CREATE MATERIALIZED VIEW daily_totals_v2 AS
  SELECT date_trunc('day', created_at) AS day, sum(amount) AS total FROM payments GROUP BY 1;
BEGIN;
ALTER MATERIALIZED VIEW daily_totals RENAME TO daily_totals_old;
ALTER MATERIALIZED VIEW daily_totals_v2 RENAME TO daily_totals;
COMMIT;
DROP MATERIALIZED VIEW daily_totals_old;

-- bastion-fixture: db/migrations/20240601000000_daily_totals.sql
-- expect: matview-drop-recreate
DROP MATERIALIZED VIEW IF EXISTS daily_totals;
CREATE MATERIALIZED VIEW daily_totals AS
  SELECT date_trunc('day', created_at) AS day, sum(amount) AS total FROM payments GROUP BY 1;

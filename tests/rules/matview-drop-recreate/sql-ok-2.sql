-- bastion-fixture: data/migrations/V0322__refactor_totals_mv.sql
-- ok: matview-drop-recreate
-- Built aside: the leftover spare view is dropped, the new one is built and indexed
-- beside the live view, then swapped in by renames; readers never lose the view.
DROP MATERIALIZED VIEW IF EXISTS public.ofec_totals_mv_tmp;

CREATE MATERIALIZED VIEW public.ofec_totals_mv_tmp AS
SELECT committee_id, sum(amount) AS total FROM receipts GROUP BY committee_id;

CREATE UNIQUE INDEX idx_ofec_totals_mv_tmp_committee ON public.ofec_totals_mv_tmp (committee_id);

ALTER MATERIALIZED VIEW IF EXISTS public.ofec_totals_mv RENAME TO ofec_totals_mv_old;
ALTER MATERIALIZED VIEW IF EXISTS public.ofec_totals_mv_tmp RENAME TO ofec_totals_mv;
DROP MATERIALIZED VIEW IF EXISTS public.ofec_totals_mv_old;

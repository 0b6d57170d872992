-- bastion-fixture: jdbc-h2/src/main/resources/migrations/h2/V1_23__execution_queued_index.sql
-- H2, the embedded database a copy of the migrations is kept for: not PostgreSQL.
DROP INDEX IF EXISTS execution_queued__flow_date;
-- ok: index-build-blocking
CREATE INDEX IF NOT EXISTS execution_queued__flow_date ON execution_queued (tenant_id, namespace, flow_id, "date");

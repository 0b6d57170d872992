-- bastion-fixture: internal/store/migration/main/012_job_events.up.sql
-- The schema comment is replaced by the migrator at run time; the table is new and empty.
-- ok: index-build-blocking
CREATE TABLE /* TEMPLATE: schema */job_event (
    id bigserial PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    kind text NOT NULL,
    job_id bigint NOT NULL
);

CREATE INDEX job_event_created_at_idx ON /* TEMPLATE: schema */job_event (created_at);
CREATE INDEX job_event_job_id_kind_idx ON /* TEMPLATE: schema */job_event (job_id, kind);

-- bastion-fixture: internal/store/migration/main/013_job_kind_index.up.sql
-- A table the change does not create, behind the same schema comment: the build locks it.
-- expect: index-build-blocking
CREATE INDEX job_kind_idx ON /* TEMPLATE: schema */job (kind);

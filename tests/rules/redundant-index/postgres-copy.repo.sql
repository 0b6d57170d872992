-- bastion-fixture: internal/driver/pgx/migration/main/001_create_job_migration.up.sql
CREATE TABLE /* TEMPLATE: schema */job_migration (
    id bigserial PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    version bigint NOT NULL,
    CONSTRAINT version CHECK (version >= 1)
);

CREATE UNIQUE INDEX ON /* TEMPLATE: schema */job_migration USING btree(version);

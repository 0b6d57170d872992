-- bastion-fixture: internal/driver/sqlite/migration/main/001_create_job_migration.up.sql
-- bastion-repo: postgres-copy.repo.sql
-- The SQLite driver's copy of the same migration: another database, not a second index.
-- ok: redundant-index
CREATE TABLE /* TEMPLATE: schema */job_migration (
    id integer PRIMARY KEY,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    version integer NOT NULL,
    CONSTRAINT version CHECK (version >= 1)
);

CREATE UNIQUE INDEX /* TEMPLATE: schema */job_migration_version_idx ON job_migration (version);

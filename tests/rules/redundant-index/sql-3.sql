-- bastion-fixture: internal/driver/pgx/migration/main/004_job_migration_version.up.sql
-- bastion-repo: postgres-copy.repo.sql
-- A later migration of the same database repeating the index: a duplicate.
-- expect: redundant-index
CREATE UNIQUE INDEX job_migration_version_unique ON job_migration (version);

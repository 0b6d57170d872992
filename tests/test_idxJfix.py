"""Set J's classes (docs/benchmarks.md "idxJfix"): a Go server that migrates in its
database package when it starts (rubenv/sql-migrate's `migrate.Exec`, gorm's
`AutoMigrate`), gorm tag changes built by that start-up, and a table emptied by the same
migration before it is altered."""

from __future__ import annotations

from bot.config import RepoConfig
from bot.diff import added_file
from bot.models import Finding, Severity
from bot.pipeline import review_files
from bot.schema import startup

SQL_MIGRATE = """\
package sqlstore

func (db *sqlstore) Migrate() {
	source := &migrate.PackrMigrationSource{Box: box}
	n, err := migrate.Exec(db.DB.DB, db.Config.Driver, source, migrate.Up)
	log.Printf("applied %d migrations", n)
}
"""

GORM = """\
package database

func migrateModels(db *gorm.DB) error {
	return db.AutoMigrate(&models.User{}, &models.Session{})
}
"""


def test_the_database_package_of_a_go_server_migrates_at_start() -> None:
    path = "pkg/datastore/sqlstore/sqlstore.go"
    assert startup.candidate(path)
    assert startup.migrates_at_startup({path: SQL_MIGRATE}) == path
    assert startup.migrates_at_startup({"database/migrate.go": GORM}) == "database/migrate.go"


def test_an_operator_command_or_a_migration_file_is_no_start_up() -> None:
    assert not startup.candidate("cmd/migrate.go")
    assert not startup.candidate("database/cmd/migrate.go")
    assert not startup.candidate("database/20240101_add_users.go")
    assert startup.migrates_at_startup({"cmd/migrate.go": GORM}) is None


def _indexing(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


MIGRATION = "db/migrations/postgres/22_alter_stats.sql"
RENAME = "ALTER TABLE page_stats RENAME COLUMN views TO pageviews;\n"


def test_a_rename_in_a_server_that_migrates_at_start_goes_to_the_summary() -> None:
    schema = {"pkg/datastore/sqlstore/sqlstore.go": SQL_MIGRATE}
    with_start = review_files(
        [added_file(MIGRATION, RENAME)], RepoConfig(llm=False), schema_files=schema
    ).findings
    without = review_files([added_file(MIGRATION, RENAME)], RepoConfig(llm=False)).findings
    renames = _indexing(with_start, "pg-rename-column")
    assert renames and all(f.severity is Severity.INFO for f in renames)
    inline = _indexing(without, "pg-rename-column")
    assert inline and inline[0].severity is not Severity.INFO


REQUIRED = "ALTER TABLE pageviews ADD COLUMN site_id INTEGER NOT NULL;\n"


def test_a_table_emptied_first_has_no_rows_to_check() -> None:
    path = "db/migrations/6_add_site_id.sql"
    emptied = review_files(
        [added_file(path, "TRUNCATE pageviews;\n" + REQUIRED)], RepoConfig(llm=False)
    ).findings
    plain = review_files([added_file(path, REQUIRED)], RepoConfig(llm=False)).findings
    shown = [f for f in plain if f.rule == "pg-add-required-column"]
    assert shown and shown[0].severity is not Severity.INFO
    after = _indexing(emptied, "pg-add-required-column")
    assert after and after[0].severity is Severity.INFO
    assert "`pageviews` is emptied on line 1" in after[0].body
    other = review_files(
        [added_file(path, "TRUNCATE other_table;\n" + REQUIRED)], RepoConfig(llm=False)
    ).findings
    kept = _indexing(other, "pg-add-required-column")
    assert kept and kept[0].severity is not Severity.INFO

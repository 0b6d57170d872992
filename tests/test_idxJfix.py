"""Set J's classes (docs/benchmarks.md "idxJfix"): a Go server that migrates in its
database package when it starts (rubenv/sql-migrate's `migrate.Exec`, gorm's
`AutoMigrate`), gorm tag changes built by that start-up, and a table emptied by the same
migration before it is altered."""

from __future__ import annotations

from bot.config import RepoConfig
from bot.diff import added_file, parse_diff
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
        [added_file(MIGRATION, RENAME)],
        RepoConfig(llm=False, deploy="rolling"),
        schema_files=schema,
    ).findings
    without = review_files(
        [added_file(MIGRATION, RENAME)], RepoConfig(llm=False, deploy="rolling")
    ).findings
    renames = _indexing(with_start, "pg-rename-column")
    assert renames and all(f.severity is Severity.INFO for f in renames)
    inline = _indexing(without, "pg-rename-column")
    assert inline and inline[0].severity is not Severity.INFO


REQUIRED = "ALTER TABLE pageviews ADD COLUMN site_id INTEGER NOT NULL;\n"


def test_a_table_emptied_first_has_no_rows_to_check() -> None:
    path = "db/migrations/6_add_site_id.sql"
    emptied = review_files(
        [added_file(path, "TRUNCATE pageviews;\n" + REQUIRED)],
        RepoConfig(llm=False, deploy="rolling"),
    ).findings
    plain = review_files(
        [added_file(path, REQUIRED)], RepoConfig(llm=False, deploy="rolling")
    ).findings
    shown = [f for f in plain if f.rule == "pg-add-required-column"]
    assert shown and shown[0].severity is not Severity.INFO
    after = _indexing(emptied, "pg-add-required-column")
    assert after and after[0].severity is Severity.INFO
    assert "`pageviews` is emptied on line 1" in after[0].body
    other = review_files(
        [added_file(path, "TRUNCATE other_table;\n" + REQUIRED)],
        RepoConfig(llm=False, deploy="rolling"),
    ).findings
    kept = _indexing(other, "pg-add-required-column")
    assert kept and kept[0].severity is not Severity.INFO


DEPLOY = """\
#!/usr/bin/env sh
set -e
# deploy to Heroku
git push --force "$1" "$branch:main"
heroku run rake db:migrate --remote "$1"
heroku restart --remote "$1"
"""
MIGRATE_FIRST = """\
#!/usr/bin/env sh
heroku run rake db:migrate --remote "$1"
git push --force "$1" "$branch:main"
"""
DROP_TABLE = """\
class DropPlans < ActiveRecord::Migration[5.2]
  def change
    drop_table :plans
  end
end
"""
RENAME_RB = """\
class RenamePlans < ActiveRecord::Migration[5.2]
  def change
    rename_column :plans, :price, :price_in_cents
  end
end
"""


def _drop_rules(findings: list[Finding]) -> list[Finding]:
    names = ("migration-drop-or-rename", "pg-drop-table", "pg-rename-column")
    return [f for f in findings if f.rule in names]


def test_a_deploy_script_releasing_code_first_sends_drops_to_the_summary() -> None:
    from bot.schema import deploy_order

    assert deploy_order.code_first({"bin/deploy": DEPLOY}) == "bin/deploy"
    assert deploy_order.code_first({"bin/deploy": MIGRATE_FIRST}) is None
    assert deploy_order.code_first({"app/deploy": DEPLOY}) is None
    path = "db/migrate/20200209195453_drop_plans.rb"

    # The change also removes the code that used the table, as upcase's did.
    model = "app/models/team.rb"
    diff = (
        f"diff --git a/{model} b/{model}\n--- a/{model}\n+++ b/{model}\n"
        "@@ -1,3 +1,2 @@\n class Team < ApplicationRecord\n-  has_many :plans\n end\n"
    )

    def review(text: str, schema: dict[str, str]) -> list[Finding]:
        files = [added_file(path, text), *parse_diff(diff)]
        return _drop_rules(
            review_files(
                files, RepoConfig(llm=False, deploy="rolling"), schema_files=schema
            ).findings
        )

    code_first = review(DROP_TABLE, {"bin/deploy": DEPLOY})
    assert code_first and all(f.severity is Severity.INFO for f in code_first)
    assert "`bin/deploy` releases the new code before it migrates" in code_first[0].body
    migrate_first = review(DROP_TABLE, {"bin/deploy": MIGRATE_FIRST})
    assert any(f.severity is not Severity.INFO for f in migrate_first)
    renamed = review(RENAME_RB, {"bin/deploy": DEPLOY})
    assert any(f.severity is not Severity.INFO for f in renamed)


def test_a_python_entry_point_running_migrate_migrates_at_start() -> None:
    main = (
        "from django.core.management import call_command\n\n\n"
        "def start():\n"
        '    call_command("migrate", interactive=False)\n'
        "    serve()\n"
    )
    assert startup.candidate("kolibri/utils/main.py")
    assert startup.migrates_at_startup({"kolibri/utils/main.py": main}) == "kolibri/utils/main.py"
    assert not startup.candidate("app/management/commands/main.py")
    assert startup.migrates_at_startup({"app/views.py": main}) is None


def test_sqlite_only_syntax_or_a_dotnet_project_naming_sqlite_makes_a_file_sqlite() -> None:
    from bot.schema import dialect

    sql_path = "Library/Main/Database/Database schema/17. Add index.sql"
    build = 'CREATE INDEX IF NOT EXISTS "Entry_Id" ON "Entry" ("Id");\n'
    pragma = "PRAGMA foreign_keys = OFF;\n" + build
    assert dialect.file_dialect(sql_path, {sql_path: pragma}) == dialect.SQLITE
    assert dialect.file_dialect(sql_path, {sql_path: build}) is None
    package = '<Project>\n  <PackageReference Include="System.Data.SQLite.Core" />\n</Project>\n'
    reference = '<ProjectReference Include="..\\\\SQLiteHelper\\\\Db.SQLiteHelper.csproj" />'
    helper = f"<Project>\n  {reference}\n</Project>\n"
    for project in (package, helper):
        texts = {sql_path: build, "Library/Main/Library.Main.csproj": project}
        assert dialect.file_dialect(sql_path, texts) == dialect.SQLITE
    npgsql = '<Project>\n  <PackageReference Include="Npgsql" />\n</Project>\n'
    texts = {sql_path: build, "Library/Main/Library.Main.csproj": npgsql}
    assert dialect.file_dialect(sql_path, texts) is None

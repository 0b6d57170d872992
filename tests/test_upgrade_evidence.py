"""Migrations that run with no old release serving, or on an empty database
(`bot.schema.upgrade_evidence`, judged on `bench/migration_precision.py --set freshI`)."""

from __future__ import annotations

from bot.config import RepoConfig
from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, Finding, Severity
from bot.pipeline import pick_schema_files, review_files
from bot.rules.lib.migrations_python import whole_table_write
from bot.rules.lib.sql_text import split_statements
from bot.schema import upgrade_evidence
from bot.schema.table_size import table_of


def _review(
    *files: ChangedFile, schema: dict[str, str] | None = None, large: tuple[str, ...] = ()
) -> list[Finding]:
    config = RepoConfig(llm=False, deploy="rolling", large_tables=list(large))
    return review_files(list(files), config, schema_files=schema).findings


def _code_change(path: str, removed: str) -> ChangedFile:
    """A code file from which the change removes `removed`: the drop is a hazard only
    when the code that used it ships in the same change."""
    diff = (
        f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n"
        f"@@ -1,2 +1,1 @@\n # model\n-{removed}\n"
    )
    return parse_diff(diff)[0]


def _hazards(findings: list[Finding], shown: bool = True) -> list[Finding]:
    """Indexing and migration findings, inline (`shown`) or in the summary."""
    return [
        f
        for f in findings
        if f.category.value == "indexing" and (f.severity is not Severity.INFO) == shown
    ]


def _shown(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule and f.severity is not Severity.INFO]


def _summary(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule and f.severity is Severity.INFO]


DROP_PATH = "schema/pg/widget-v2/up03.sql"
DROP = "ALTER TABLE widget DROP COLUMN IF EXISTS legacy_flag;\n"
USES = _code_change("src/db/model.rs", "    legacy_flag: bool,")
OFFLINE_README = """= Schema upgrades

== Offline Upgrade

The server currently supports **offline** schema migrations.
We assume no requests reach the database while an update runs.
"""


def test_readme_beside_the_migrations_saying_upgrades_are_offline() -> None:
    findings = _review(
        added_file(DROP_PATH, DROP), USES, schema={"schema/pg/README.adoc": OFFLINE_README}
    )
    assert not _shown(findings, "migration-drop-or-rename")
    body = _summary(findings, "migration-drop-or-rename")[0].body
    assert "schema/pg/README.adoc" in body and "offline schema migrations" in body
    # A README elsewhere says nothing about these migrations; nor does one that
    # negates it, nor no README.
    elsewhere = {"tools/db/README.md": OFFLINE_README}
    negated = {"schema/pg/README.adoc": OFFLINE_README.replace("currently", "does not")}
    for schema in (elsewhere, negated, None):
        assert _shown(
            _review(added_file(DROP_PATH, DROP), USES, schema=schema), "migration-drop-or-rename"
        )


SERVER_GO = """package server

func verifySchema(s State) error {
	if !s.MigrationsApplied() {
		return fmt.Errorf("Database schema must be updated to use this version. " +
			"NOTE: the server does not currently support live migration; " +
			"Ensure all servers are shut down before running the migration command.")
	}
	return nil
}
"""


def test_server_refusing_to_start_on_a_pending_migration_says_upgrades_are_offline() -> None:
    rename = "ALTER TABLE vault_library RENAME COLUMN name TO title;\n"
    path = "internal/db/schema/migrations/postgres/99/01_rename.up.sql"
    schema = {"internal/cmd/server/server.go": SERVER_GO}
    findings = _review(added_file(path, rename), schema=schema)
    assert not _hazards(findings)
    assert "does not currently support live migration" in _hazards(findings, False)[0].body
    # Stopping something before upgrading a connection is not about the schema.
    websocket = (
        SERVER_GO.replace('"Database schema must be updated to use this version. " +\n', "")
        .replace("does not currently support live migration; ", "")
        .replace("running the migration command", "upgrading the connection")
    )
    kept = _review(added_file(path, rename), schema={"internal/cmd/server/server.go": websocket})
    assert _hazards(kept)


def test_readme_saying_migrations_run_automatically_when_the_application_initialises() -> None:
    readme = (
        "# Database migrations\n\nThe scripts here are applied automatically by Flyway\n"
        "to upgrade your database when the application initializes.\n"
    )
    folder = "api/src/main/resources/db/sqlmigration/postgres"
    unique = "ALTER TABLE workspace ADD CONSTRAINT workspace_item_key UNIQUE (item_id);\n"
    path = f"{folder}/V7.6_2024.12.17__workspace_unique.sql"
    findings = _review(added_file(path, unique), schema={f"{folder}/README.md": readme})
    assert not _shown(findings, "pg-add-unique-constraint-locking")
    assert _summary(findings, "pg-add-unique-constraint-locking")


def test_spring_flyway_bean_migrating_at_start_up() -> None:
    config = (
        "@Configuration\npublic class FlywayConfig {\n"
        '    @Bean(initMethod = "migrate", name = "flyway")\n'
        "    public Flyway flyway() { return new Flyway(); }\n}\n"
    )
    path = "src/main/resources/db/migration/postgresql/V2.15.0__link_pk.sql"
    pk = "ALTER TABLE analysis_link ADD PRIMARY KEY (analysis_id, link_id);\n"
    schema = {"src/main/java/org/acme/FlywayConfig.java": config}
    assert upgrade_evidence.candidate("src/main/java/org/acme/FlywayConfig.java")
    findings = _review(added_file(path, pk), schema=schema)
    assert not _shown(findings, "pg-add-primary-key-locking")
    assert "Flyway migrates the schema while the application starts" in (
        _summary(findings, "pg-add-primary-key-locking")[0].body
    )
    # A Flyway bean the operator calls by hand is no evidence.
    by_hand = config.replace('initMethod = "migrate", ', "")
    kept = _review(
        added_file(path, pk), schema={"src/main/java/org/acme/FlywayConfig.java": by_hand}
    )
    found = [f for f in kept if f.rule == "pg-add-primary-key-locking"]
    assert found and not any("Flyway migrates the schema" in f.body for f in found)


INDEX = "CREATE INDEX release_event_date_idx ON release_event (date_year);\n"


def test_fresh_install_schema_script_beside_the_update_scripts() -> None:
    update = {"admin/sql/updates/20260101-old-change.sql": "ALTER TABLE x ADD COLUMN y int;\n"}
    for path in ("admin/sql/CreateIndexes.sql", "admin/timescale/create_indexes.sql"):
        findings = _review(added_file(path, INDEX), schema=update)
        assert not _shown(findings, "index-build-blocking")
        assert "creates the schema of a new database" in (
            _summary(findings, "index-build-blocking")[0].body
        )
    # With no update scripts the file may be how the live database changes too; a
    # migration named that way is a migration.
    alone = _summary(
        _review(added_file("admin/sql/CreateIndexes.sql", INDEX)), "index-build-blocking"
    )
    assert "creates the schema" not in alone[0].body and "large_tables:" in alone[0].body
    assert not upgrade_evidence.install_script("db/migrations/create_indexes.sql", update)
    assert not upgrade_evidence.install_script("admin/sql/20260101_create_indexes.sql", update)


def test_dropping_a_migration_tools_bookkeeping_tables() -> None:
    path = "migration/src/main/resources/db/V202605022032__drop_liquibase_tables.sql"
    sql = "DROP TABLE IF EXISTS databasechangeloglock;\nDROP TABLE IF EXISTS databasechangelog;\n"
    # The change also removes the old tool's configuration naming the table.
    config = _code_change("src/main/resources/application.properties", "table=databasechangelog")
    findings = _review(added_file(path, sql), config)
    assert not _hazards(findings)
    assert upgrade_evidence.drops_bookkeeping('DROP TABLE "flyway_schema_history";')
    assert not upgrade_evidence.drops_bookkeeping("DROP TABLE databasechangelog, orders;")
    dao = _code_change("src/main/java/OrderDao.java", "class OrderDao {")
    assert _hazards(_review(added_file(path, "DROP TABLE IF EXISTS orders;\n"), dao))


def test_comment_weighing_the_lock_against_a_measured_size() -> None:
    path = "prisma/migrations/20260706120000_asset_org_idx/migration.sql"
    weighed = (
        "-- Locking: plain CREATE INDEX, matching repo convention. The visit table is\n"
        "-- ~13k rows even on the largest tenant, so the build is sub-second.\n\n"
        'CREATE INDEX "visit_org_idx" ON "visit" ("organizationId", "createdAt");\n'
    )
    findings = _review(added_file(path, weighed))
    assert not _shown(findings, "index-build-blocking")
    assert "~13k rows" in _summary(findings, "index-build-blocking")[0].body
    # A size without a word about the lock, or a lock without a size, is not weighing it.
    unsized = weighed.replace("~13k rows", "big").replace("sub-second", "fine")
    no_lock = weighed.replace("Locking: plain", "Plain").replace("build", "query")
    for text in (unsized, no_lock):
        (note,) = _summary(_review(added_file(path, text)), "index-build-blocking")
        assert "~13k rows" not in note.body and "large_tables:" in note.body


def test_evidence_files_are_read_before_the_schema_cap() -> None:
    many = [f"db/migrate/{i:04d}_step.sql" for i in range(300)]
    paths = [*many, "zz/schema/README.md", "src/main/java/app/FlywayConfig.java"]
    picked, _left = pick_schema_files(paths, limit=50)
    assert "zz/schema/README.md" in picked
    assert "src/main/java/app/FlywayConfig.java" in picked
    assert not upgrade_evidence.candidate("README.md")  # the project's own, not the schema's
    assert not upgrade_evidence.candidate("tests/schema/README.md")


def test_update_from_joining_another_table_writes_the_whole_table() -> None:
    join = (
        'UPDATE "BookingAsset" ba\nSET "sourceKitId" = ak."kitId"\nFROM "AssetKit" ak\n'
        'WHERE ba."assetKitId" = ak."id";\n'
    )
    filtered = join.replace('ak."id";', 'ak."id" AND ak."kitId" = \'k1\';')
    subquery = join.replace('FROM "AssetKit" ak', 'FROM (SELECT * FROM "AssetKit" LIMIT 10) ak')
    assert whole_table_write(split_statements(join)[0])
    assert not whole_table_write(split_statements(filtered)[0])
    assert not whole_table_write(split_statements(subquery)[0])


def test_on_update_cascade_is_not_an_update_statement() -> None:
    text = (
        'ALTER TABLE "BookingAsset"\n  ADD CONSTRAINT "fk" FOREIGN KEY ("kitId") REFERENCES '
        '"Kit"("id")\n  ON DELETE SET NULL ON UPDATE CASCADE;\n'
    )
    assert table_of(text, 3, 3, None) == "bookingasset"


def _edited(path: str, old: str, new: str) -> ChangedFile:
    head = f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n"
    diff = f"{head}@@ -1,1 +1,1 @@\n-{old}\n+{new}\n"
    return parse_diff(diff)[0]


def test_edited_sql_update_script_already_ran() -> None:
    old = "ALTER TABLE account ADD COLUMN login_id UUID NOT NULL DEFAULT uuid_generate_v4();"
    new = old.replace("uuid_generate_v4", "gen_random_uuid")
    path = "admin/sql/updates/2019-01-04-add-user-login-id.sql"
    # `account` is listed as large, so only the script's history decides.
    findings = _review(_edited(path, old, new), large=("account",))
    assert not [
        f for f in findings if f.category.value == "indexing" and f.severity is not Severity.INFO
    ]
    # Lines appended to an existing script (a release's bundle still being filled)
    # have not run yet.
    head = f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n"
    appended = parse_diff(f"{head}@@ -1,1 +1,2 @@\n {old}\n+{new}\n")[0]
    assert _hazards(_review(appended, large=("account",)))
    # The same script added by this change runs on the live database.
    assert [
        f
        for f in _review(added_file(path, new + "\n"), large=("account",))
        if f.category.value == "indexing" and f.severity is not Severity.INFO
    ]


def test_rails_self_down_is_the_rollback() -> None:
    migration = (
        "class AddDisableOnEnd < ActiveRecord::Migration[6.0]\n"
        "  def self.up\n    add_column :courses, :disable_on_end, :boolean\n  end\n\n"
        "  def self.down\n    remove_column :courses, :disable_on_end\n  end\nend\n"
    )
    path = "db/migrate/20240316162826_add_disable_on_end_to_courses.rb"
    model = _code_change("app/models/course.rb", "  validates :disable_on_end, presence: true")
    assert not _shown(_review(added_file(path, migration), model), "migration-drop-or-rename")
    # The same remove_column in `self.up` is the hazard.
    up = migration.replace("self.up", "self.tmp").replace("self.down", "self.up")
    assert _shown(_review(added_file(path, up), model), "migration-drop-or-rename")

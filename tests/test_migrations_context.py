"""What the repository shows about where and how a migration runs: the database of a
per-database migration file, MySQL 8's online ALTERs, an application that migrates
itself at start-up, an index built concurrently elsewhere in the change, tables too new
to hold data. Each false-alarm class judged on held-out real commits
(bench/migration_precision.py), with the hazard next to it still reported."""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

import pytest

from bot.config import ConfigError, RepoConfig, RulesConfig, parse_config
from bot.diff import added_file, parse_diff
from bot.gitrepo import GitRepo
from bot.models import Category, ChangedFile, Finding, Severity
from bot.pipeline import review_files
from bot.schema import dialect, startup


def _review(
    *files: ChangedFile,
    config: RepoConfig | None = None,
    schema: dict[str, str] | None = None,
) -> list[Finding]:
    return review_files(
        list(files), config or RepoConfig(llm=False, deploy="rolling"), schema_files=schema
    ).findings


def _shown(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule and f.severity is not Severity.INFO]


def _summary(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule and f.severity is Severity.INFO]


def _large(*tables: str) -> RepoConfig:
    """A team that lists these tables as large: a plain index build on them is a comment
    (on a table of unknown size it is a summary line saying the size decides)."""
    return RepoConfig(llm=False, deploy="rolling", large_tables=list(tables))


def _size_only(findings: list[Finding]) -> bool:
    """The index build is a summary line for its table's unknown size alone."""
    notes = [f.body for f in _summary(findings, "index-build-blocking")]
    return len(notes) == 1 and "large_tables:" in notes[0] and "day(s) before" not in notes[0]


def _code_change(path: str, removed: str) -> ChangedFile:
    """A code file from which the change removes `removed` (the use of what a migration
    drops): a drop is a hazard when the code that used it ships in the same change."""
    diff = (
        f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n"
        f"@@ -1,2 +1,1 @@\n # model\n-{removed}\n"
    )
    return parse_diff(diff)[0]


# --- one migration file per database (ory/pop "fizz" folders) ------------------------

FOLDER = "persistence/sql/migrations/sql/20240301000000000000_messages_status_idx"
PLAIN_INDEX = "CREATE INDEX messages_status_idx ON courier_messages (status, created_at);\n"
CONCURRENT_INDEX = (
    "CREATE INDEX CONCURRENTLY messages_status_idx ON courier_messages (status, created_at);\n"
)


def test_generic_file_with_a_postgres_copy_does_not_run_on_postgres() -> None:
    generic = added_file(f"{FOLDER}.autocommit.up.sql", PLAIN_INDEX)
    postgres = added_file(f"{FOLDER}.postgres.autocommit.up.sql", CONCURRENT_INDEX)
    findings = _review(generic, postgres)
    assert not _shown(findings, "index-build-blocking")
    note = _summary(findings, "index-build-blocking")
    assert note and "PostgreSQL copy sits next to it" in note[0].body
    # Alone (no PostgreSQL copy), the generic file runs on PostgreSQL and blocks writes.
    alone = _review(
        added_file(f"{FOLDER}.autocommit.up.sql", PLAIN_INDEX), config=_large("courier_messages")
    )
    assert _shown(alone, "index-build-blocking")


def test_generic_file_runs_in_a_transaction_while_the_postgres_copy_is_autocommit() -> None:
    """ory/hydra: `NAME.up.sql` (SQLite) beside `NAME.postgres.autocommit.up.sql`."""
    generic = added_file(f"{FOLDER}.up.sql", PLAIN_INDEX)
    postgres = added_file(f"{FOLDER}.postgres.autocommit.up.sql", CONCURRENT_INDEX)
    findings = _review(generic, postgres)
    assert not _shown(findings, "index-build-blocking")
    assert "PostgreSQL copy sits next to it" in _summary(findings, "index-build-blocking")[0].body


CLIENT_CARGO = """[package]
name = "shell-history-client"

[dependencies]
sqlx = { workspace = true, features = ["sqlite", "regexp"] }
"""
SERVER_CARGO = """[package]
name = "shell-history-server-postgres"

[dependencies]
sqlx = { workspace = true, features = ["postgres", "uuid"] }
"""
HISTORY_INDEX = "CREATE INDEX IF NOT EXISTS idx_history_cwd ON history(cwd, timestamp);\n"


def test_sql_migrations_of_a_crate_whose_driver_is_sqlite_get_no_postgres_lock_advice() -> None:
    client = added_file("crates/client/migrations/20260723000001_cwd_index.sql", HISTORY_INDEX)
    server = added_file("crates/server-postgres/migrations/20260723000001_idx.sql", HISTORY_INDEX)
    schema = {
        "crates/client/Cargo.toml": CLIENT_CARGO,
        "crates/server-postgres/Cargo.toml": SERVER_CARGO,
        "Cargo.toml": '[workspace.dependencies.sqlx]\nfeatures = ["runtime-tokio"]\n',
    }
    findings = _review(client, server, schema=schema, config=_large("history"))
    shown = _shown(findings, "index-build-blocking")
    assert [f.path for f in shown] == [server.path]
    note = _summary(findings, "index-build-blocking")
    assert [f.path for f in note] == [client.path] and "SQLite" in note[0].body
    assert dialect.file_dialect(client.path, schema) == dialect.SQLITE
    assert dialect.file_dialect(server.path, schema) is None
    # Without the manifests nothing says SQLite: the PostgreSQL advice stands.
    assert len(_shown(_review(client, config=_large("history")), "index-build-blocking")) == 1


def test_cockroach_file_json_is_jsonb() -> None:
    sql = "ALTER TABLE recovery_flows ADD COLUMN internal_context JSON NULL;\n"
    cockroach = _review(added_file(f"{FOLDER}.cockroach.up.sql", sql))
    assert not _shown(cockroach, "pg-prefer-jsonb")
    assert "CockroachDB" in _summary(cockroach, "pg-prefer-jsonb")[0].body
    # The advice is summary only by default; a team that wants it inline still gets it
    # on PostgreSQL, never on CockroachDB.
    inline = RepoConfig(
        llm=False, deploy="rolling", rules=RulesConfig(severity={"pg-prefer-jsonb": Severity.LOW})
    )
    postgres = added_file(f"{FOLDER}.postgres.up.sql", sql)
    assert _shown(_review(postgres, config=inline), "pg-prefer-jsonb")
    cockroach_file = added_file(f"{FOLDER}.cockroach.up.sql", sql)
    assert not _shown(_review(cockroach_file, config=inline), "pg-prefer-jsonb")


def test_file_dialect_from_the_name() -> None:
    paths = [f"{FOLDER}.up.sql", f"{FOLDER}.postgres.up.sql", f"{FOLDER}.mysql.up.sql"]
    assert dialect.file_dialect(f"{FOLDER}.mysql.up.sql", paths) == dialect.MYSQL
    assert dialect.file_dialect(f"{FOLDER}.sqlite3.up.sql", paths) == dialect.SQLITE
    assert dialect.file_dialect(f"{FOLDER}.cockroach.up.sql", paths) == dialect.COCKROACH
    assert dialect.file_dialect(f"{FOLDER}.up.sql", paths) == dialect.GENERIC_NOT_POSTGRES
    assert dialect.file_dialect(f"{FOLDER}.up.sql", paths[:1]) is None
    assert dialect.file_dialect("db/migrations/001_init.sql", paths) is None


# --- MySQL 8 online ALTER TABLE ------------------------------------------------------


def test_mysql_added_nullable_column_is_summary_with_the_version_line() -> None:
    path = "db/migrations/mysql/0007_flows.sql"
    add = "ALTER TABLE `flows` ADD COLUMN `internal_context` JSON;\n"
    found = [f for f in _review(added_file(path, add)) if f.rule == "mysql-alter-table-locking"]
    assert [f.severity for f in found] == [Severity.INFO]
    assert "server version" in found[0].body
    modify = (
        "ALTER TABLE `user`\n  MODIFY `username` VARCHAR(256) CHARACTER SET utf8mb4 NOT NULL;\n"
    )
    copied = _shown(_review(added_file(path, modify)), "mysql-alter-table-locking")
    assert [f.line for f in copied] == [1]
    after = "ALTER TABLE flows ADD COLUMN note TEXT AFTER id;\n"
    assert _shown(_review(added_file(path, after)), "mysql-alter-table-locking")


# --- applications that migrate themselves at start-up -------------------------------

DIESEL_SETUP = """pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!();

pub fn run(conn: &mut PgConnection) -> anyhow::Result<()> {
    conn.run_pending_migrations(MIGRATIONS)?;
    Ok(())
}
"""
RENAME = "ALTER TABLE post RENAME COLUMN resolve_reason TO conclusion;\n"
RENAME_PATH = "migrations/2024-05-01-000000-0000_rename_reason/up.sql"


def test_diesel_embedded_migrations_run_at_start_up() -> None:
    schema = {"crates/db_schema/src/schema_setup/mod.rs": DIESEL_SETUP}
    findings = _review(added_file(RENAME_PATH, RENAME), schema=schema)
    assert not _shown(findings, "pg-rename-column")
    assert "applies its migrations itself when it starts" in (
        _summary(findings, "pg-rename-column")[0].body
    )
    # Without the start-up code, the rename breaks the running application.
    assert _shown(_review(added_file(RENAME_PATH, RENAME)), "pg-rename-column")


def test_go_main_migrating_before_serving() -> None:
    main = (
        "package main\n\nfunc run(ctx context.Context) error {\n"
        "\tif err := storeInstance.Migrate(ctx); err != nil {\n\t\treturn err\n\t}\n"
        "\treturn serve(ctx)\n}\n"
    )
    index = "CREATE INDEX idx_reaction_memo ON reaction (memo_id);\n"
    path = "store/migration/postgres/0.31/02__reaction_memo_id.sql"
    findings = _review(added_file(path, index), schema={"cmd/memos/main.go": main})
    assert not _shown(findings, "index-build-blocking")
    # A table listed as large keeps the comment: several instances may still be serving.
    large = _review(
        added_file(path, index),
        schema={"cmd/memos/main.go": main},
        config=RepoConfig(llm=False, deploy="rolling", large_tables=["reaction"]),
    )
    assert _shown(large, "index-build-blocking")


def test_a_migrate_command_run_by_hand_is_not_a_start_up_signal() -> None:
    command = "package cmd\n\nfunc runMigrate() {\n\tmigration.Migrate(nil)\n}\n"
    assert not startup.candidate("pkg/cmd/migrate.go")
    assert startup.migrates_at_startup({"pkg/cmd/migrate.go": command}) is None
    assert startup.migrates_at_startup({"pkg/initialize/init.go": command}) == (
        "pkg/initialize/init.go"
    )
    knex = "async function connect() {\n  await knex.migrate.latest();\n}\n"
    assert startup.migrates_at_startup({"server/database.js": knex}) == "server/database.js"
    assert startup.migrates_at_startup({"scripts/database.js": knex}) is None


def test_a_start_script_running_a_migrating_file_before_the_server() -> None:
    """PLANKA-style: the container's `start.sh` runs `node db/init.js` (Knex's
    `migrate.latest()`) before `exec node app.js`: the schema changes before it serves."""
    start = (
        "#!/bin/bash\nset -eu\nexport NODE_ENV=production\n\nnode db/init.js\nexec node app.js\n"
    )
    init = (
        "const knex = require('knex')(cfg);\n(async () => {\n"
        "  await knex.migrate.latest();\n})();\n"
    )
    assert startup.candidate("server/start.sh") and startup.candidate("server/db/init.js")
    texts = {"server/start.sh": start, "server/db/init.js": init}
    assert startup.migrates_at_startup(texts) == "server/start.sh"
    # The file it runs must migrate: seeding an admin user is not a schema change.
    seed = "const knex = require('knex')(cfg);\nawait knex('users').insert(admin);\n"
    assert startup.migrates_at_startup({**texts, "server/db/init.js": seed}) is None
    # A commented-out step runs nothing.
    off = start.replace("node db/init.js", "# node db/init.js")
    assert startup.migrates_at_startup({**texts, "server/start.sh": off}) is None


# --- products their users install and upgrade ---------------------------------------

REMOVE_FIELD = """from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cookbook", "0239_food_plural")]

    operations = [
        migrations.RemoveField(model_name="ingredient", name="always_use_plural_food"),
    ]
"""
REMOVE_PATH = "cookbook/migrations/0240_remove_ingredient_always_use_plural_food.py"
BOOT = """#!/bin/sh
# python manage.py migrate  (kept for reference)
echo "Migrating database"
python manage.py migrate
exec gunicorn recipes.wsgi
"""


def test_container_start_up_script_that_migrates_sends_the_hazard_to_the_summary() -> None:
    findings = _review(added_file(REMOVE_PATH, REMOVE_FIELD), schema={"boot.sh": BOOT})
    assert not _shown(findings, "migration-drop-or-rename")
    body = _summary(findings, "migration-drop-or-rename")[0].body
    assert "installed and upgraded by its users" in body and "`boot.sh`" in body
    # The same script without the migrate line (only in a comment) says nothing.
    silent = BOOT.replace("python manage.py migrate\n", "")
    model = _code_change("cookbook/models.py", "    always_use_plural_food = BooleanField()")
    assert _shown(
        _review(added_file(REMOVE_PATH, REMOVE_FIELD), model, schema={"boot.sh": silent}),
        "migration-drop-or-rename",
    )


def test_upgrade_evidence_the_repository_shows() -> None:
    upgrade_doc = "Upgrading\n=========\n\nStop uWSGI, then run::\n\n    indico db upgrade\n"
    assert startup.candidate("docs/source/installation/upgrade.rst")
    assert startup.migrates_at_startup({"docs/source/installation/upgrade.rst": upgrade_doc})
    # Contributor documentation is how developers set up, not how users upgrade.
    assert not startup.candidate("docs/development/installation.md")
    assert not startup.candidate("docs/getting_started/quick_install.md")
    assert startup.candidate("doc/administrator/installation.rst")
    # A test container's script, or a migrator container run beside the old version.
    assert not startup.candidate("docker/entrypoint-unit-tests-devDocker.sh")
    assert not startup.candidate("apps/api/bin/docker-entrypoint-migrator.sh")
    dockerfile = "FROM python:3.12\nRUN python manage.py migrate\nCMD gunicorn app.wsgi\n"
    assert startup.migrates_at_startup({"Dockerfile": dockerfile}) is None  # build time
    runtime = "FROM python:3.12\nCMD python manage.py migrate && \\\n    gunicorn app.wsgi\n"
    assert startup.migrates_at_startup({"Dockerfile": runtime}) == "Dockerfile"
    command = "class Command(BaseCommand):\n    def handle(self, *a, **k):\n"
    command += "        call_command('migrate', verbosity=0)\n"
    path = "tcms/core/management/commands/upgrade.py"
    assert startup.migrates_at_startup({path: command}) == path
    assert startup.migrates_at_startup({".devcontainer/boot.sh": BOOT}) is None


# --- Django: the key's index built concurrently by another migration ----------------

DJANGO_FK = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("account", "0100_customertype")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="customer_type",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=models.PROTECT,
                to="account.customertype",
            ),
        ),
    ]
"""
DJANGO_CONCURRENT = """from django.contrib.postgres.indexes import BTreeIndex
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("account", "0101_user_customer_type")]

    operations = [
        AddIndexConcurrently(
            model_name="user",
            index=BTreeIndex(fields=["customer_type"], name="user_customer_type_idx"),
        ),
    ]
"""


def test_django_key_indexed_concurrently_in_the_same_change() -> None:
    fk = added_file("saleor/account/migrations/0101_user_customer_type.py", DJANGO_FK)
    # The check reading the migration alone (old id fk-without-index).
    alone = [f for f in _review(fk) if f.reported_as == "fk-without-index"]
    assert alone  # still found: summary only unless the table is listed as large
    both = _review(
        fk,
        added_file("saleor/account/migrations/0102_user_customer_type_idx.py", DJANGO_CONCURRENT),
    )
    assert not [f for f in both if f.reported_as == "fk-without-index"]


def test_sql_key_indexed_concurrently_in_the_same_change() -> None:
    add = (
        "ALTER TABLE orders ADD COLUMN reason_id bigint REFERENCES reasons (id);\n"
        "CREATE INDEX CONCURRENTLY orders_reason_idx ON orders (reason_id);\n"
    )
    findings = _review(added_file("db/migrations/20240101000000_reason.sql", add))
    assert not [f for f in findings if f.rule == "foreign-key-not-indexed"]


def test_fk_without_index_is_inline_only_on_a_large_table() -> None:
    sql = "CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));\n"
    path = "db/migrations/20240101000000_refunds.sql"
    summary = _summary(_review(added_file(path, sql)), "foreign-key-not-indexed")
    assert summary and "large_tables:" in summary[0].body
    large = _review(
        added_file(path, sql),
        config=RepoConfig(llm=False, deploy="rolling", large_tables=["refunds"]),
    )
    assert [f.severity for f in _shown(large, "foreign-key-not-indexed")] == [Severity.HIGH]


# --- tables too new to hold data ------------------------------------------------------


def test_index_on_a_table_created_weeks_earlier_is_summary() -> None:
    create = "CREATE TABLE change_events (id uuid PRIMARY KEY, nid uuid, session_id uuid);\n"
    index = "CREATE INDEX change_events_nid_session_idx ON change_events (nid, session_id);\n"
    schema = {"db/migrations/20240408000000_create_change_events.up.sql": create}
    soon = "db/migrations/20240422000000_pending_changes_session.up.sql"
    findings = _review(added_file(soon, index), schema={**schema, soon: index})
    assert not _shown(findings, "index-build-blocking")
    assert "14 day(s) before" in _summary(findings, "index-build-blocking")[0].body
    later = "db/migrations/20240822000000_pending_changes_session.up.sql"
    findings = _review(added_file(later, index), schema={**schema, later: index})
    assert _size_only(findings)  # months later: the table's size decides, not its age


PRISMA_CREATE = (
    'CREATE TABLE "session_replay" (\n    "replay_id" UUID NOT NULL,\n'
    '    "website_id" UUID NOT NULL,\n    "session_id" UUID NOT NULL,\n'
    '    "chunk_index" INTEGER NOT NULL,\n    "events" BYTEA NOT NULL,\n'
    '    CONSTRAINT "session_replay_pkey" PRIMARY KEY ("replay_id")\n);\n'
)
PRISMA_INDEX = (
    'ALTER TABLE "session_replay" ADD COLUMN IF NOT EXISTS "visit_id" UUID;\n\n'
    'CREATE INDEX IF NOT EXISTS "session_replay_visit_id_idx" ON "session_replay"("visit_id");\n'
)


def test_release_tags_decide_whether_a_table_holds_data() -> None:
    # Numbered Prisma folders carry no date: only the history can say the table is new.
    created = "prisma/migrations/19_add_session_replay/migration.sql"
    path = "prisma/migrations/20_add_session_replay_visit_id/migration.sql"
    # The snapshot names the table first; a ClickHouse copy of the schema creates it too.
    snapshot = (
        'model SessionReplay {\n  replayId  String @id @map("replay_id") @db.Uuid\n'
        '  visitId   String @map("visit_id") @db.Uuid\n\n  @@index([visitId])\n'
        '  @@map("session_replay")\n}\n'
    )
    clickhouse = "CREATE TABLE umami.session_replay (replay_id UUID) ENGINE = MergeTree;\n"
    schema = {
        "prisma/schema.prisma": snapshot,
        "db/clickhouse/migrations/10_add_session_replay.sql": clickhouse,
        created: PRISMA_CREATE,
        path: PRISMA_INDEX,
    }

    def review(released: dict[str, bool | None] | None) -> list[Finding]:
        return review_files(
            [added_file(path, PRISMA_INDEX)],
            RepoConfig(llm=False, deploy="rolling"),
            schema_files=schema,
            released=None if released is None else released.get,
        ).findings

    assert _size_only(review(None))  # no history, no date: only the size can decide
    unreleased = review({created: False})
    assert not _shown(unreleased, "index-build-blocking")
    note = _summary(unreleased, "index-build-blocking")[0].body
    assert f"`{created}`, which no release tag" in note and "large_tables:" in note
    assert _size_only(review({created: True}))
    assert _size_only(review({created: None}))


def test_a_released_table_keeps_its_comment_even_when_days_old() -> None:
    # outline: the creating migration is dated 3 days earlier but shipped in a release.
    create = (
        "module.exports = {\n  async up(queryInterface, Sequelize) {\n"
        '    await queryInterface.createTable("document_insights", {\n'
        "      id: { type: Sequelize.UUID, primaryKey: true },\n"
        "      documentId: { type: Sequelize.UUID, allowNull: false },\n"
        "      date: { type: Sequelize.DATEONLY, allowNull: false },\n"
        "    });\n  },\n};\n"
    )
    index = (
        "module.exports = {\n  async up(queryInterface, Sequelize) {\n"
        '    await queryInterface.addColumn("document_insights", "period", {\n'
        '      type: Sequelize.STRING, allowNull: false, defaultValue: "day",\n    });\n'
        '    await queryInterface.addIndex("document_insights",\n'
        '      ["documentId", "period", "date"], {\n'
        "      unique: true,\n    });\n  },\n};\n"
    )
    created = "server/migrations/20260416000000-create-document-insights.js"
    path = "server/migrations/20260419000000-add-period-to-document-insights.js"
    schema = {created: create, path: index}
    by_date = review_files(
        [added_file(path, index)], RepoConfig(llm=False, deploy="rolling"), schema_files=schema
    ).findings
    assert "3 day(s) before" in _summary(by_date, "index-build-blocking")[0].body
    shipped = review_files(
        [added_file(path, index)],
        RepoConfig(llm=False, deploy="rolling"),
        schema_files=schema,
        released={created: True}.get,
    ).findings
    assert _size_only(shipped)
    assert [f.line for f in _summary(shipped, "index-build-blocking")] == [6]


def test_git_tells_whether_a_migration_shipped_in_a_release(tmp_path: Path) -> None:
    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(tmp_path), *args], check=True, capture_output=True, text=True
        )
        return done.stdout.strip()

    def commit(path: str, text: str) -> None:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
        git("add", path)
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", path)

    git("init", "-q")
    old, new = (
        "prisma/migrations/01_init/migration.sql",
        "prisma/migrations/19_replay/migration.sql",
    )
    commit(old, "CREATE TABLE website (website_id uuid PRIMARY KEY);\n")
    repo = GitRepo(tmp_path)
    assert repo.released("HEAD", old) is None  # no tag: the history cannot tell
    git("tag", "v1.0.0")
    commit(new, PRISMA_CREATE)
    assert repo.released("HEAD", old) is True
    assert repo.released("HEAD", new) is False
    # Renumbered before the release: the file is followed to the commit that added it.
    git("mv", "prisma/migrations/19_replay", "prisma/migrations/20_replay")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "renumber")
    git("tag", "v1.1.0")
    assert repo.released("HEAD", "prisma/migrations/20_replay/migration.sql") is True
    assert repo.released("HEAD~1", new) is False


def test_index_on_a_materialized_view_created_in_the_same_migration() -> None:
    ts = """module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query(`
      CREATE MATERIALIZED VIEW "DailyTotals" AS (SELECT 1 AS "day")
    `);
    await queryInterface.sequelize.query(`
      CREATE UNIQUE INDEX "daily_totals_day" ON "DailyTotals" ("day")
    `);
  },
};
"""
    findings = _review(added_file("migrations/20240618120000-daily-totals.js", ts))
    assert not _shown(findings, "index-build-blocking")


# --- one comment per problem, and hazards a reviewer acts on --------------------------


def test_columns_dropped_on_adjacent_lines_are_one_comment() -> None:
    rb = """class AddAccountStatus < ActiveRecord::Migration[7.2]
  def up
    add_column :accounts, :status, :string
    remove_column :accounts, :is_active
    remove_column :accounts, :scheduled_for_deletion
  end
end
"""
    found = _shown(
        _review(
            added_file("db/migrate/20250701161640_add_account_status.rb", rb),
            _code_change("app/models/account.rb", "  scope :live, -> { where(is_active: true) }"),
        ),
        "migration-drop-or-rename",
    )
    assert len(found) == 1
    assert "The same applies at lines 5" in found[0].body


def test_change_column_null_is_summary_unless_the_table_is_listed_large() -> None:
    # Judged on fresh sets of real commits, never worth a comment without the size (0/10).
    rb = """class RequireAmount < ActiveRecord::Migration[7.2]
  def change
    change_column_null :entries, :amount, false
  end
end
"""
    path = "db/migrate/20250701000000_require_amount.rb"
    found = _review(added_file(path, rb))
    assert not _shown(found, "migration-not-null-column")
    summary = [f for f in found if f.rule == "migration-not-null-column"]
    assert summary and "size of `entries`" in summary[0].body
    large = RepoConfig(llm=False, deploy="rolling", large_tables=["entries"])
    assert _shown(_review(added_file(path, rb), config=large), "migration-not-null-column")


def test_query_advice_in_admin_code_is_summary() -> None:
    rb = """class Avo::Resources::User < Avo::BaseResource
  self.search = {
    query: -> { query.where("handle LIKE ?", "%#{params[:q]}%") }
  }
end
"""
    findings = _review(added_file("app/avo/resources/user.rb", rb))
    assert not _shown(findings, "like-leading-wildcard")
    assert _summary(findings, "like-leading-wildcard")


def test_template_placeholder_schema_still_names_the_table() -> None:
    sql = (
        'alter table {{ index .Options "Namespace" }}.oauth_clients\n'
        "    alter column auth_method set not null;\n"
    )
    findings = _review(
        added_file("migrations/20251216000000_auth_method.up.sql", sql),
        config=RepoConfig(llm=False, deploy="rolling", small_tables=["oauth_clients"]),
    )
    found = [f for f in findings if f.rule == "pg-set-not-null-scan"]
    assert found and "`oauth_clients` is listed under `small_tables:`" in found[0].body


def test_materialized_view_rebuilt_in_place_is_reported_once_at_the_drop() -> None:
    js = """module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query(`DROP MATERIALIZED VIEW IF EXISTS "DailyTotals"`);
    await queryInterface.sequelize.query(`
      CREATE MATERIALIZED VIEW "DailyTotals" AS (SELECT 1 AS "day")
    `);
    await queryInterface.sequelize.query(`
      CREATE UNIQUE INDEX "daily_totals_day" ON "DailyTotals" ("day")
    `);
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query(`DROP MATERIALIZED VIEW "DailyTotals"`);
    await queryInterface.sequelize.query(`CREATE MATERIALIZED VIEW "DailyTotals" AS (SELECT 2)`);
  },
};
"""
    findings = _review(added_file("migrations/20240618120000-daily-totals.js", js))
    assert [f.line for f in _shown(findings, "matview-drop-recreate")] == [3]
    assert not _shown(findings, "index-build-blocking")


def test_function_predicate_next_to_a_primary_key_list_is_not_reported() -> None:
    models = (
        "from django.db import models\n\n\nclass Finding(models.Model):\n"
        "    title = models.TextField()\n"
    )
    code = (
        "from dojo.models import Finding\n\n\ndef delayed(ids, prefix):\n"
        "    return Finding.objects.filter(id__in=ids, title__istartswith=prefix).exists()\n"
    )
    by_title = code.replace("id__in=ids, ", "")
    schema = {"dojo/models.py": models}
    narrowed = _review(added_file("dojo/finding/helper.py", code), schema=schema)
    assert not [f for f in narrowed if f.rule == "function-predicate-without-index"]
    alone = _review(added_file("dojo/finding/helper.py", by_title), schema=schema)
    assert [f for f in alone if f.rule == "function-predicate-without-index"]


def test_materialized_view_first_created_by_this_change_has_no_readers() -> None:
    js = """module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query(`DROP MATERIALIZED VIEW IF EXISTS "DailyTotals"`);
    await queryInterface.sequelize.query(`CREATE MATERIALIZED VIEW "DailyTotals" AS (SELECT 1)`);
  },
};
"""
    path = "migrations/20240618120000-daily-totals.js"
    older = "migrations/20240101000000-daily-totals.js"
    existing = _review(added_file(path, js), schema={older: js, path: js})
    assert _shown(existing, "matview-drop-recreate")
    new = _review(added_file(path, js), schema={path: js})
    assert not [f for f in new if f.rule == "matview-drop-recreate"]


def test_orm_index_sync_of_an_app_migrating_before_it_serves_is_summary() -> None:
    from bot.schema.table_size import adjust_for_table_size

    def sync(title: str) -> Finding:
        return Finding(
            path="pkg/models/task_position.go",
            line=12,
            end_line=12,
            category=Category.INDEXING,
            severity=Severity.MEDIUM,
            rule="go-automigrate-schema-change",
            title=title,
            body="b",
        )

    init = "package initialize\n\nfunc FullInit() {\n\tmigration.Migrate(nil)\n}\n"
    texts = {"pkg/initialize/init.go": init}
    index = sync(
        "`TaskPosition.Position`: on start-up `Sync2` changes an existing table, and an index"
        " is built with the table locked"
    )
    refused = sync("`Task.Done`: on start-up `Sync2` adds a NOT NULL column without a default")
    out = adjust_for_table_size([index, refused], texts, [], [])
    assert [f.severity for f in out] == [Severity.INFO, Severity.MEDIUM]
    assert [f.severity for f in adjust_for_table_size([index], {}, [], [])] == [Severity.MEDIUM]


def test_materialized_view_rollback_tells_new_from_existing() -> None:
    up = """module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query(`DROP MATERIALIZED VIEW IF EXISTS "Sizes"`);
    await queryInterface.sequelize.query(`CREATE MATERIALIZED VIEW "Sizes" AS (SELECT 1)`);
  },
"""
    new = (
        up
        + """  async down(queryInterface) {
    await queryInterface.sequelize.query(`DROP MATERIALIZED VIEW IF EXISTS "Sizes"`);
  },
};
"""
    )
    restored = (
        up
        + """  async down(queryInterface) {
    await queryInterface.sequelize.query(`DROP MATERIALIZED VIEW IF EXISTS "Sizes"`);
    await queryInterface.sequelize.query(`CREATE MATERIALIZED VIEW "Sizes" AS (SELECT 0)`);
  },
};
"""
    )
    path = "migrations/20240618120000-sizes.js"
    assert not [f for f in _review(added_file(path, new)) if f.rule == "matview-drop-recreate"]
    # Restored by the rollback: it existed, even when the migration creating it is not
    # among the schema files read (only the newest migrations are).
    kept = _review(added_file(path, restored), schema={path: restored})
    assert [f.line for f in _shown(kept, "matview-drop-recreate")] == [3]


def test_schema_files_leave_out_rollbacks_test_data_and_examples() -> None:
    from bot.schema.sources import candidate

    assert candidate("persistence/sql/migrations/sql/20240408_create.up.sql")
    assert not candidate("persistence/sql/migrations/sql/20240408_create.down.sql")
    assert not candidate("migrations/2024-04-16-000000-0000_invitations/down.sql")
    assert not candidate("persistence/sql/migratest/testdata/20240408_testdata.sql")
    assert not candidate("examples/go/registration/main.go")
    assert not candidate("internal/database/models_test.go")
    assert candidate("internal/database/models.go")


def test_backtick_in_a_sql_comment_is_not_mysql() -> None:
    from bot.schema.read_sql import dialect_of

    sql = (
        "create table album_tags(\n    tag_id varchar not null references tag (id)\n);\n"
        "create index album_tags_tag_id on album_tags (tag_id);\n"
        "-- Backfill rows from the per-row `tags` JSON.\n"
    )
    assert dialect_of(sql) == "postgres"
    assert dialect_of("CREATE TABLE `t` (id int);") == "mysql"
    path = "db/migrations/20260811023338_add_tag_indexes.sql"
    found = _review(added_file(path, sql), schema={path: sql})
    assert not [f for f in found if f.rule == "redundant-index"]


def test_change_column_null_after_a_validated_check_is_summary() -> None:
    rb = """class RequireEndsAt < ActiveRecord::Migration[8.1]
  def up
    validate_check_constraint :zones, name: "zones_ends_at_null"
    change_column_null :zones, :ends_at, false
  end
end
"""
    found = _review(added_file("db/migrate/20260604105008_require_ends_at.rb", rb))
    assert not _shown(found, "migration-not-null-column")


def test_change_column_null_relying_on_a_check_validated_earlier_is_summary() -> None:
    # strong_migrations' recipe over three migrations: the CHECK was added NOT VALID and
    # validated earlier; the last one sets NOT NULL (no scan) and drops the CHECK.
    add = """class MakeFrontedRequired < ActiveRecord::Migration[7.0]
  def change
    add_check_constraint :canonical_pending_transactions, "fronted IS NOT NULL",
      name: "cpt_fronted_null", validate: false
  end
end
"""
    validate = """class ValidateMakeFrontedRequired < ActiveRecord::Migration[7.0]
  def change
    validate_check_constraint :canonical_pending_transactions, name: "cpt_fronted_null"
  end
end
"""
    enforce = """class EnforceFrontedNotNull < ActiveRecord::Migration[8.1]
  def up
    change_column_null :canonical_pending_transactions, :fronted, false
    remove_check_constraint :canonical_pending_transactions, name: "cpt_fronted_null"
  end
end
"""
    path = "db/migrate/20260819120000_enforce_fronted_not_null.rb"
    # On a table listed as large the recipe decides: without it the scan is a comment.
    large = RepoConfig(llm=False, deploy="rolling", large_tables=["canonical_pending_transactions"])
    found = _review(added_file(path, enforce), config=large)
    assert not _shown(found, "migration-not-null-column")  # the recipe's last step
    alone = enforce.replace(
        '    remove_check_constraint :canonical_pending_transactions, name: "cpt_fronted_null"\n',
        "",
    )
    assert _shown(_review(added_file(path, alone), config=large), "migration-not-null-column")
    schema = {
        "db/migrate/20220712183932_make_fronted_required.rb": add,
        "db/migrate/20220712184744_validate_make_fronted_required.rb": validate,
        path: alone,
    }
    found = _review(added_file(path, alone), config=large, schema=schema)
    assert not _shown(found, "migration-not-null-column")
    schema.pop("db/migrate/20220712184744_validate_make_fronted_required.rb")
    found = _review(added_file(path, alone), config=large, schema=schema)
    assert _shown(found, "migration-not-null-column")  # added NOT VALID, never validated


ADD_TOUR = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("db", "0112_auto_20251124_0603")]

    operations = [
        migrations.AddField(
            model_name="workspaceuserproperties",
            name="product_tour",
            field=models.JSONField(default=dict),
        ),
    ]
"""
REMOVE_TOUR = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("db", "0117_rename_description")]

    operations = [
        migrations.RemoveField(
            model_name="workspaceuserproperties",
            name="product_tour",
        ),
        migrations.AddField(
            model_name="profile",
            name="product_tour",
            field=models.JSONField(default=dict),
        ),
    ]
"""


def test_dropping_a_column_no_release_has_shipped_goes_to_the_summary() -> None:
    added = "apps/api/plane/db/migrations/0113_webhook_version.py"
    path = "apps/api/plane/db/migrations/0118_remove_workspaceuserproperties_product_tour.py"
    schema = {added: ADD_TOUR, path: REMOVE_TOUR}

    def drops(released: dict[str, bool | None]) -> list[Finding]:
        found = review_files(
            [added_file(path, REMOVE_TOUR), _code_change("db/models.py", "    product_tour = 1")],
            RepoConfig(llm=False, deploy="rolling"),
            schema_files=schema,
            released=released.get,
        ).findings
        return [f for f in found if f.rule == "migration-drop-or-rename"]

    unshipped = drops({added: False})
    assert [f.severity for f in unshipped] == [Severity.INFO]
    assert f"`product_tour` was added by `{added}`, which no release tag" in unshipped[0].body
    assert [f.severity for f in drops({added: True})] == [Severity.MEDIUM]
    assert [f.severity for f in drops({})] == [Severity.MEDIUM]


def test_rails_remove_column_of_an_unreleased_add_column() -> None:
    add = (
        "class AddFrontedToCanonicalPendingTransactions < ActiveRecord::Migration[7.2]\n"
        "  def change\n    add_column :canonical_pending_transactions, :fronted, :boolean\n"
        "  end\nend\n"
    )
    remove = (
        "class RemoveFrontedFromCanonicalPendingTransactions < ActiveRecord::Migration[7.2]\n"
        "  def change\n"
        "    remove_column :canonical_pending_transactions, :fronted, :boolean\n"
        "  end\nend\n"
    )
    added = "db/migrate/20260801120000_add_fronted_to_canonical_pending_transactions.rb"
    path = "db/migrate/20260819120000_remove_fronted_from_canonical_pending_transactions.rb"
    schema = {added: add, path: remove}
    for shipped, severity in ((False, Severity.INFO), (True, Severity.MEDIUM)):
        found = review_files(
            [
                added_file(path, remove),
                _code_change("app/models/cpt.rb", "  def fronted? = fronted"),
            ],
            RepoConfig(llm=False, deploy="rolling"),
            schema_files=schema,
            released={added: shipped}.get,
        ).findings
        drops = [f for f in found if f.rule == "migration-drop-or-rename"]
        assert [f.severity for f in drops] == [severity]


def test_the_rollback_re_adding_a_dropped_column_is_not_where_it_came_from() -> None:
    folder = "app/store/database/migrate/postgres"
    added = f"{folder}/0070_alter_gitspaces_add_tracked_changes.up.sql"
    path = f"{folder}/0079_alter_gitspaces_add_has_git_changes.up.sql"
    down = f"{folder}/0079_alter_gitspaces_add_has_git_changes.down.sql"
    up_sql = (
        "ALTER TABLE gitspaces ADD COLUMN gits_has_git_changes BOOLEAN;\n"
        "ALTER TABLE gitspaces DROP COLUMN gits_tracked_changes;\n"
    )
    down_sql = (
        "ALTER TABLE gitspaces ADD COLUMN gits_tracked_changes TEXT;\n"
        "ALTER TABLE gitspaces DROP COLUMN gits_has_git_changes;\n"
    )
    schema = {added: "ALTER TABLE gitspaces ADD COLUMN gits_tracked_changes TEXT;\n", path: up_sql}
    found = review_files(
        [
            added_file(path, up_sql),
            added_file(down, down_sql),
            _code_change("app/store/database/gitspace_instance.go", "\t\tgits_tracked_changes,"),
        ],
        RepoConfig(llm=False, deploy="rolling"),
        schema_files=schema,
        released={added: True, down: False}.get,
    ).findings
    drops = [f for f in found if f.rule == "migration-drop-or-rename" and f.path == path]
    assert [f.severity for f in drops] == [Severity.MEDIUM]


CHANGELOG = """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet author="author" id="changelog-6.15.0">
    <modifyDataType tableName="tc_actions" columnName="objectid" newDataType="BIGINT" />
  </changeSet>
</databaseChangeLog>
"""


def test_liquibase_type_change_is_rated_by_the_table_it_names() -> None:
    file = added_file("schema/changelog-6.15.0.xml", CHANGELOG)
    unknown = _summary(_review(file), "migration-column-type-change")
    assert "size of `tc_actions`" in unknown[0].body
    large = _review(
        file, config=RepoConfig(llm=False, deploy="rolling", large_tables=["tc_actions"])
    )
    assert [f.severity for f in large if f.rule == "migration-column-type-change"] == [
        Severity.HIGH
    ]


def test_liquibase_comments_are_blanked_and_an_unclosed_one_hides_the_rest() -> None:
    from bot.rules.lib.migrations_liquibase import liquibase_hits

    text = (
        "<databaseChangeLog>\n"
        '  <!-- <createIndex tableName="orders" indexName="a"/> -->\n'
        '  <createIndex tableName="orders" indexName="b"/>\n'
        "  <!-- unclosed\n"
        '  <createIndex tableName="orders" indexName="c"/>\n'
        "</databaseChangeLog>\n"
    )
    hits = liquibase_hits(added_file("src/main/resources/db/changelog/orders.xml", text))
    assert [h.line for h in hits] == [3]


def test_serial_next_to_innodb_is_mysql() -> None:
    # MySQL takes SERIAL too: a dump that also says ENGINE=InnoDB is MySQL's, so a plain
    # CREATE INDEX in a later migration is InnoDB's online build, not a PostgreSQL lock.
    ddl = (
        "CREATE TABLE accounts (\n    record_id serial unique,\n    id varchar(36) NOT NULL,\n"
        "    PRIMARY KEY(record_id)\n) /*! CHARACTER SET utf8 COLLATE utf8_bin */ ENGINE=InnoDB;\n"
    )
    assert dialect.detect({"account/ddl.sql": ddl}) == dialect.MYSQL
    assert (
        dialect.detect({"a.sql": "CREATE TABLE t (id serial PRIMARY KEY);\n"}) == dialect.POSTGRES
    )
    index = "CREATE INDEX accounts_created_date ON accounts(created_date);\n"
    path = "account/migration/V20250917094123__accounts_index.sql"
    findings = review_files(
        [added_file(path, index)],
        RepoConfig(llm=False, deploy="rolling"),
        schema_files={"account/ddl.sql": ddl, path: index},
    ).findings
    assert not _shown(findings, "index-build-blocking")


# --- idxprec3: what set D's remaining false alarms had in common ----------------------

LARAVEL_INDEX = """<?php

use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('instances', function (Blueprint $table) {
            $table->string('shared_inbox')->nullable()->index();
        });
    }
};
"""
LARAVEL_INDEX_PATH = "database/migrations/2024_03_08_122947_add_shared_inbox_to_instances.php"


def _laravel_config(default: str) -> str:
    return (
        "<?php\n\nreturn [\n"
        f"    'default' => env('DB_CONNECTION', '{default}'),\n"
        "    'connections' => [\n"
        "        'sqlite' => ['driver' => 'sqlite'],\n"
        "        'mysql' => ['driver' => 'mysql'],\n"
        "        'pgsql' => ['driver' => 'pgsql'],\n"
        "    ],\n"
        "    'redis' => ['default' => ['host' => env('REDIS_HOST')]],\n"
        "];\n"
    )


def test_laravel_default_connection_names_the_database() -> None:
    """InnoDB adds a secondary index online: PostgreSQL's advice is wrong on a Laravel
    app whose `config/database.php` defaults to MySQL."""
    mysql = {"config/database.php": _laravel_config("mysql")}
    findings = _review(added_file(LARAVEL_INDEX_PATH, LARAVEL_INDEX), schema=mysql)
    assert not _shown(findings, "index-build-blocking")
    assert "MySQL/MariaDB" in _summary(findings, "index-build-blocking")[0].body
    # Defaulting to PostgreSQL, or to SQLite (Laravel 11's local default, which says
    # nothing about production), keeps the comment.
    # (`instances` is listed as large: unlisted, its name alone would not keep it inline.)
    large = RepoConfig(llm=False, deploy="rolling", large_tables=["instances"])
    for default in ("pgsql", "sqlite"):
        schema = {"config/database.php": _laravel_config(default)}
        kept = _review(added_file(LARAVEL_INDEX_PATH, LARAVEL_INDEX), schema=schema, config=large)
        assert _shown(kept, "index-build-blocking"), default


STORAGE_DOC = """---
title: "Migrations"
---

Storage migrations keep your database compatible with the server. The server will
automatically upgrade your schema on startup. To go back to an older version you may
need to downgrade the schema by hand first.
"""
WEBAUTHN_RENAME = "ALTER TABLE webauthn_credentials RENAME COLUMN attestation_type TO kind;\n"
WEBAUTHN_PATH = "internal/storage/migrations/postgres/V0024.WebAuthnAttestationType.up.sql"


def test_operator_document_saying_the_schema_migrates_at_start_up() -> None:
    doc = "docs/content/configuration/storage/migrations.md"
    findings = _review(added_file(WEBAUTHN_PATH, WEBAUTHN_RENAME), schema={doc: STORAGE_DOC})
    assert not _shown(findings, "pg-rename-column")
    body = _summary(findings, "pg-rename-column")[0].body
    assert "migrates its schema itself when it starts" in body and doc in body
    # Saying the opposite, or in a developers' document, is no evidence.
    negated = STORAGE_DOC.replace("will\nautomatically", "will not\nautomatically")
    dev_doc = "docs/content/contributing/development/migrations.md"
    for schema in ({doc: negated}, {dev_doc: STORAGE_DOC}):
        kept = _review(added_file(WEBAUTHN_PATH, WEBAUTHN_RENAME), schema=schema)
        assert _shown(kept, "pg-rename-column")
    # A migrations document naming the command may be the developers' how-to: only an
    # operator document (upgrade, admin, self-hosting) counts for that.
    how_to = "Create a migration, then run `alembic upgrade head`.\n"
    assert startup.migrates_at_startup({"docs/database-migrations.md": how_to}) is None
    assert startup.migrates_at_startup({"docs/upgrading.md": how_to}) == "docs/upgrading.md"


REPLAY_FOLDER = "persistence/sql/migrations/20240403121110000001_add_expire_columns"
REPLAY_MYSQL = (
    "ALTER TABLE oauth2_oidc ADD COLUMN expires_at TIMESTAMP NULL;\n\n"
    "-- kept for the down migrations\n"
    "CREATE INDEX oauth2_oidc_expires_at_idx ON oauth2_oidc (expires_at);\n"
    "CREATE INDEX oauth2_access_expires_at_idx ON oauth2_oidc (expires_at);\n"
)


def test_new_file_for_a_migration_version_already_shipped_runs_on_new_databases_only() -> None:
    """A per-database copy added for a version installations already applied (ory/pop's
    fizz folders) is skipped by them: it only builds new databases."""
    shipped = f"{REPLAY_FOLDER}.up.sql"
    schema = {
        "persistence/sql/migrations/20200101000000000000_init.up.sql": (
            "CREATE TABLE oauth2_oidc (id INT PRIMARY KEY, expires_at TIMESTAMP NULL);\n"
            "CREATE INDEX oauth2_oidc_expiry ON oauth2_oidc (expires_at);\n"
        ),
        shipped: "ALTER TABLE oauth2_oidc ADD COLUMN expires_at TIMESTAMP NULL;\n",
        f"{REPLAY_FOLDER}.down.sql": "ALTER TABLE oauth2_oidc DROP COLUMN expires_at;\n",
    }
    new = added_file(f"{REPLAY_FOLDER}.mysql.up.sql", REPLAY_MYSQL)

    def review(files: dict[str, str], released: bool | None) -> list[Finding]:
        return review_files(
            [new],
            RepoConfig(llm=False, deploy="rolling"),
            schema_files={**files, new.path: REPLAY_MYSQL},  # the head's schema files
            released=lambda path: released,
        ).findings

    findings = review(schema, True)
    duplicate = [
        f for f in findings if f.rule in ("redundant-index", "index-too-wide-or-duplicate")
    ]
    assert duplicate and all(f.severity is Severity.INFO for f in duplicate)
    assert "created from scratch" in duplicate[0].body and "add_expire_columns.up.sql" in (
        duplicate[0].body
    )
    # The same version not yet released (installations will run the new file), or no
    # other file of that version but a rollback: the duplicate is reported.
    only_rollback = {k: v for k, v in schema.items() if k != shipped}
    for files, released in ((schema, False), (only_rollback, True)):
        kept = review(files, released)
        assert any(
            f.rule in ("redundant-index", "index-too-wide-or-duplicate")
            and f.severity is not Severity.INFO
            for f in kept
        ), (sorted(files), released)


DROP_IMAGES = """class DropImages < ActiveRecord::Migration[8.0]
  def change
    drop_table :images
  end
end
"""
DROP_IMAGES_PATH = "db/migrate/20250117094633_drop_images.rb"
DROP_SQL = "DROP TABLE IF EXISTS worker_instance;\n"
DROP_SQL_PATH = "jdbc-postgres/src/main/resources/migrations/postgres/V1_20__drop_worker.sql"


def test_drop_is_a_comment_only_when_the_change_removes_the_code_that_used_it() -> None:
    """Dropping a table the code stopped using in an earlier change is the safe last
    step; dropping it in the change that removes its last use breaks the old version
    still serving during the deploy."""
    dump = _code_change("db/structure.sql", "CREATE TABLE public.images (")
    alone = _review(added_file(DROP_IMAGES_PATH, DROP_IMAGES), dump)
    assert not _shown(alone, "migration-drop-or-rename")
    assert "removes no code naming `images`" in _summary(alone, "migration-drop-or-rename")[0].body
    sql = _review(added_file(DROP_SQL_PATH, DROP_SQL))
    assert not [f for f in sql if f.rule in ("migration-drop-or-rename", "pg-drop-table")] or all(
        f.severity is Severity.INFO
        for f in sql
        if f.rule in ("migration-drop-or-rename", "pg-drop-table")
    )
    # The model (singular, CamelCase) or the table's name removed from code in the same
    # change: the old version still uses it while the new one deploys.
    for removed in ("class Image < ApplicationRecord", "  has_many :images"):
        model = _code_change("app/models/image.rb", removed)
        shown = _shown(
            _review(added_file(DROP_IMAGES_PATH, DROP_IMAGES), model), "migration-drop-or-rename"
        )
        assert shown, removed
    worker = _code_change("src/main/java/WorkerInstanceDao.java", "class WorkerInstanceDao {")
    assert [
        f
        for f in _review(added_file(DROP_SQL_PATH, DROP_SQL), worker)
        if f.rule in ("migration-drop-or-rename", "pg-drop-table")
        and f.severity is not Severity.INFO
    ]
    # A rename breaks the code still using the old name, whatever else the change does.
    rename = DROP_IMAGES.replace("drop_table :images", "rename_table :images, :pictures")
    assert _shown(_review(added_file(DROP_IMAGES_PATH, rename)), "migration-drop-or-rename")


def test_mysql_column_syntax_in_earlier_migrations_names_the_database() -> None:
    # `ADD ... AFTER col` and `MODIFY col`: MySQL's own syntax in the folder's older files
    # says the plain CREATE INDEX of a new one is InnoDB's online build.
    folder = "account/src/main/resources/org/shop/account/migration"
    older = {
        f"{folder}/V20160822115745__account_notes.sql": (
            "alter table accounts add column notes varchar(4096) DEFAULT NULL after phone;\n"
        ),
        f"{folder}/V20170915165117__external_key_not_null.sql": (
            "alter table accounts modify external_key varchar(255) NOT NULL;\n"
        ),
    }
    path = f"{folder}/V20250917094123__accounts_index.sql"
    index = "create index accounts_created_date on accounts(created_date);\n"
    findings = review_files(
        [added_file(path, index)],
        RepoConfig(llm=False, deploy="rolling"),
        schema_files={**older, path: index},
    ).findings
    assert not _shown(findings, "index-build-blocking")
    # A trigger's AFTER is PostgreSQL's too: it says nothing.
    trigger = "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();\n"
    assert dialect.detect({"db/V1__t.sql": trigger}) is None


def test_serial_is_postgresql_only_where_nothing_is_mysql_only() -> None:
    innodb = "CREATE TABLE a (id int AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;\n"
    serial = "CREATE TABLE b (record_id serial unique, id varchar(36));\n"
    assert dialect.detect({"m/V1__a.sql": innodb, "m/V2__b.sql": serial}) == dialect.MYSQL
    assert dialect.detect({"m/V2__b.sql": serial}) == dialect.POSTGRES
    jsonb = "CREATE TABLE c (doc jsonb);\n"
    assert dialect.detect({"m/V1__a.sql": innodb, "m/V3__c.sql": jsonb}) is None


# --- migrations that do nothing in production, drops already staged (set F) -------------

SKIPS_PRODUCTION = """class DropLegacyCounters < ActiveRecord::Migration[7.1]
  def change
    return if Rails.env.production?

    remove_column :accounts, :legacy_counter
    drop_table :counter_snapshots
  end
end
"""


def test_a_migration_that_returns_in_production_is_a_summary_note() -> None:
    path = "db/migrate/20260301090000_drop_legacy_counters.rb"
    # The code reading the column goes in the same change: a hazard where it runs.
    model = _code_change("app/models/account.rb", "  def legacy_counter = super || 0")
    findings = _review(added_file(path, SKIPS_PRODUCTION), model)
    assert not _shown(findings, "migration-drop-or-rename")
    notes = _summary(findings, "migration-drop-or-rename")
    assert notes and all("returns early in production" in f.body for f in notes)
    # The same migration without the guard is still a hazard.
    unguarded = SKIPS_PRODUCTION.replace("    return if Rails.env.production?\n\n", "")
    assert _shown(_review(added_file(path, unguarded), model), "migration-drop-or-rename")
    # A guard in another method does not cover this one.
    elsewhere = SKIPS_PRODUCTION.replace(
        "  def change\n    return if Rails.env.production?\n",
        "  def seed\n    return if Rails.env.production?\n  end\n\n  def change\n",
    )
    assert _shown(_review(added_file(path, elsewhere), model), "migration-drop-or-rename")


DROP_IGNORED = """class RemoveLegacyTaxonFromProducts < ActiveRecord::Migration[7.1]
  def change
    remove_column :products, :legacy_taxon_id, :integer
  end
end
"""
PRODUCT_MODEL = "app/models/product.rb"


def _model_diff(body: str) -> ChangedFile:
    diff = f"diff --git a/{PRODUCT_MODEL} b/{PRODUCT_MODEL}\n--- a/{PRODUCT_MODEL}\n"
    diff += f"+++ b/{PRODUCT_MODEL}\n{body}"
    return parse_diff(diff)[0]


def test_dropping_a_column_taken_off_ignored_columns_is_the_safe_last_step() -> None:
    path = "db/migrate/20260301090000_remove_legacy_taxon_from_products.rb"
    ignored = _model_diff(
        "@@ -1,6 +1,5 @@\n class Product < ApplicationRecord\n"
        "   self.ignored_columns += [\n"
        "-    :legacy_taxon_id,\n"
        "     :legacy_unit\n"
        "   ]\n"
        " end\n"
    )
    findings = _review(added_file(path, DROP_IGNORED), ignored)
    assert not _shown(findings, "migration-drop-or-rename")
    assert _summary(findings, "migration-drop-or-rename")
    # Code that read the column, removed in the same change, still makes it a hazard.
    used = _model_diff(
        "@@ -1,4 +1,3 @@\n class Product < ApplicationRecord\n"
        "-  belongs_to :legacy_taxon, foreign_key: :legacy_taxon_id\n"
        "   has_many :variants\n"
        " end\n"
    )
    assert _shown(_review(added_file(path, DROP_IGNORED), used), "migration-drop-or-rename")


DELETE_MODELS = """from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("editor", "0027_previous")]

    operations = [
        migrations.RemoveField(
            model_name="templateshare",
            name="template",
        ),
        migrations.RemoveField(
            model_name="templateshare",
            name="user",
        ),
        migrations.RemoveField(
            model_name="document",
            name="legacy_template",
        ),
        migrations.DeleteModel(
            name="Template",
        ),
        migrations.DeleteModel(
            name="TemplateShare",
        ),
    ]
"""


def test_remove_field_of_a_model_the_migration_deletes_is_left_to_the_delete() -> None:
    path = "editor/migrations/0028_remove_templateshare_template_and_more.py"
    # The models' code goes in the same change (the hazard the DeleteModel carries).
    models = parse_diff(
        "diff --git a/editor/models.py b/editor/models.py\n--- a/editor/models.py\n"
        "+++ b/editor/models.py\n@@ -1,4 +1,2 @@\n # models\n"
        "-class TemplateShare(models.Model):\n-    legacy_template = 1\n pass\n"
    )[0]
    findings = _review(added_file(path, DELETE_MODELS), models)
    shown = _shown(findings, "migration-drop-or-rename")
    rows = DELETE_MODELS.splitlines()
    dropped_fields = [f.line for f in findings if f.rule == "migration-drop-or-rename"]
    # Neither RemoveField of TemplateShare is reported, in any form.
    assert 8 not in dropped_fields and 12 not in dropped_fields
    # The field dropped from a model that stays, and the models' own drops, still count.
    assert [f.line for f in shown] == [16]
    assert "lines 20, 23" in shown[0].body
    assert "DeleteModel" in rows[19] and "DeleteModel" in rows[22]


# --- self-hosted products: a Rust database module, an upgrade guide that stops first --

DIESEL_DB = """pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/mysql");

pub fn run_migrations(connection: &mut MysqlConnection) {
    connection.run_pending_migrations(MIGRATIONS).expect("Error running migrations");
}
"""
SSO_CASCADE = (
    "ALTER TABLE sso_users DROP FOREIGN KEY `sso_users_ibfk_1`;\n"
    "ALTER TABLE sso_users ADD FOREIGN KEY(user_uuid) REFERENCES users(uuid) ON DELETE CASCADE;\n"
)
SSO_PATH = "migrations/mysql/2024-03-13-170000_sso_users_cascade/up.sql"


def test_a_rust_database_module_that_runs_the_embedded_migrations() -> None:
    for path in ("src/db/mod.rs", "src/db.rs"):
        assert startup.candidate(path)
        assert startup.migrates_at_startup({path: DIESEL_DB}) == path
    assert not startup.candidate("src/api/core/mod.rs")
    findings = _review(added_file(SSO_PATH, SSO_CASCADE), schema={"src/db/mod.rs": DIESEL_DB})
    assert not _shown(findings, "mysql-alter-table-locking")
    assert "`src/db/mod.rs`" in _summary(findings, "mysql-alter-table-locking")[0].body
    assert _shown(_review(added_file(SSO_PATH, SSO_CASCADE)), "mysql-alter-table-locking")


UPGRADE_GUIDE = """# Upgrade

## Prepare

Back up the database, then download the new release.

### Stop All Services of the scheduler

Stop every service according to how you deployed it.

### Upgrade the database

Run the database upgrade script: `sh ./tools/bin/upgrade-schema.sh`
"""
UPGRADE_SQL_PATH = "dao/src/main/resources/sql/upgrade/3.3.0_schema/mysql/ddl.sql"
UPGRADE_SQL = "ALTER TABLE t_ds_alert MODIFY COLUMN sign CHAR(64) NOT NULL DEFAULT '';\n"


def test_an_upgrade_guide_that_stops_the_services_before_the_upgrade_script() -> None:
    guide = "docs/en/guide/upgrade/upgrade.md"
    assert startup.migrates_at_startup({guide: UPGRADE_GUIDE}) == guide
    findings = _review(added_file(UPGRADE_SQL_PATH, UPGRADE_SQL), schema={guide: UPGRADE_GUIDE})
    assert not _shown(findings, "mysql-alter-table-locking")
    body = _summary(findings, "mysql-alter-table-locking")[0].body
    assert "stops its services, then runs its upgrade script" in body
    # Running the script while the old version serves, restarting it afterwards, is not
    # an upgrade with the service stopped; nor is a stop after the script.
    restart = UPGRADE_GUIDE.replace("### Stop All Services of the scheduler\n\n", "")
    restart = restart.replace("Stop every service according to how you deployed it.\n", "")
    restart += "\nThen restart the services.\n"
    after = restart + "\nTo stop the services, run `bin/stop.sh`.\n"
    for text in (restart, after):
        assert startup.migrates_at_startup({guide: text}) is None
        kept = _review(added_file(UPGRADE_SQL_PATH, UPGRADE_SQL), schema={guide: text})
        assert _shown(kept, "mysql-alter-table-locking")


def test_a_required_column_still_fails_a_start_up_migration() -> None:
    # Stopping the old version removes lock waits, not the error on a table with rows.
    path = "migrations/postgresql/2024-06-01-000000_twofactor_flag/up.sql"
    sql = "ALTER TABLE twofactor_incomplete ADD COLUMN device_type INTEGER NOT NULL;\n"
    findings = _review(added_file(path, sql), schema={"src/db/mod.rs": DIESEL_DB})
    assert _shown(findings, "pg-add-required-column")


# --- the database named in the configuration -----------------------------------------

KYSELY_INDEX = """import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("orders_customer_idx").on("orders").column("customer_id").execute();
}
"""


def test_configured_database_takes_postgres_lock_advice_off() -> None:
    # Kysely picks its database in code (`new MysqlDialect(...)`), which no file the
    # review reads shows: the team says it in `.github/bastion.yml`.
    migration = added_file("src/migrations/2024_05_01_orders_customer.ts", KYSELY_INDEX)
    assert _shown(_review(migration, config=_large("orders")), "index-build-blocking")
    on_mysql = _review(
        migration,
        config=RepoConfig(llm=False, deploy="rolling", database="mysql", large_tables=["orders"]),
    )
    assert not _shown(on_mysql, "index-build-blocking")
    (note,) = _summary(on_mysql, "index-build-blocking")
    assert "MySQL/MariaDB (from `database:` in the configuration)" in note.body
    on_postgres = _review(
        migration,
        config=RepoConfig(
            llm=False, deploy="rolling", database="postgresql", large_tables=["orders"]
        ),
    )
    assert _shown(on_postgres, "index-build-blocking")


RAILS_INDEX = """class AddIndexToOrders < ActiveRecord::Migration[7.1]
  def change
    add_index :orders, :customer_id
  end
end
"""


def test_configured_database_wins_over_the_files() -> None:
    migration = added_file("db/migrate/20240501_add_index.rb", RAILS_INDEX)
    gemfile = {"Gemfile": 'gem "mysql2"\n'}
    listed = _large("orders")
    assert not _shown(_review(migration, config=listed, schema=gemfile), "index-build-blocking")
    told = RepoConfig(llm=False, deploy="rolling", database="postgresql", large_tables=["orders"])
    assert _shown(_review(migration, config=told, schema=gemfile), "index-build-blocking")


def test_unknown_database_is_a_config_error_naming_it() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config("database: oracle\n")
    assert "'database'" in str(caught.value) and "'mysql'" in str(caught.value)


# --- more ways a self-hosted product migrates while nothing old serves -----------------


def test_rust_storage_module_running_embedded_migrations() -> None:
    findings = _review(
        added_file(RENAME_PATH, RENAME), schema={"server/src/storage/mod.rs": DIESEL_SETUP}
    )
    assert not _shown(findings, "pg-rename-column")
    assert _summary(findings, "pg-rename-column")


PRISMA_ENGINE = """import { Migrate } from '@prisma/migrate/dist/Migrate';

export async function migrations() {
  const migrate = new Migrate('./prisma/schema.prisma');
  await migrate.applyMigrations();
  migrate.stop();
}
"""


def test_prisma_migration_engine_driven_by_the_server() -> None:
    path = "prisma/migrations/20230115193136_rename_fields/migration.sql"
    rename = 'ALTER TABLE "Image" RENAME COLUMN "file" TO "name";\n'
    findings = _review(added_file(path, rename), schema={"src/server/util.ts": PRISMA_ENGINE})
    assert not _shown(findings, "pg-rename-column")
    (note,) = _summary(findings, "pg-rename-column")
    assert "`src/server/util.ts`" in note.body
    # The same engine imported for a test helper is no start-up signal.
    assert startup.migrates_at_startup({"tests/server/util.ts": PRISMA_ENGINE}) is None


UPGRADE_SCRIPT = "schema/upgrade/upgrade-pre-1.6.0.sql"


def test_versioned_upgrade_script_hazards_go_to_the_summary() -> None:
    index = "CREATE INDEX guacamole_history_start ON guacamole_connection_history (start_date);\n"
    findings = _review(added_file(UPGRADE_SCRIPT, index))
    assert not _shown(findings, "index-build-blocking")
    (note,) = _summary(findings, "index-build-blocking")
    assert "upgrade script between releases" in note.body and "applies again" in note.body
    # A migration merely named for an upgrade is a migration like any other.
    plain = _review(added_file("db/migrations/0042_upgrade_history.sql", index))
    assert _size_only(plain)
    # A table the team lists as large keeps the comment.
    large = RepoConfig(llm=False, deploy="rolling", large_tables=["guacamole_connection_history"])
    assert _shown(_review(added_file(UPGRADE_SCRIPT, index), config=large), "index-build-blocking")


def test_upgrade_script_is_named_for_releases_under_an_upgrade_folder() -> None:
    assert startup.versioned_upgrade_script("db/upgrade/upgrade_2.3_to_2.4.sql")
    assert not startup.versioned_upgrade_script("db/upgrade/upgrade_users.sql")  # no release
    assert not startup.versioned_upgrade_script("db/upgrade/upgrade-1.2.sh")  # not SQL
    assert not startup.versioned_upgrade_script("db/migrate/upgrade-1.2.sql")  # no upgrade folder
    assert not startup.versioned_upgrade_script("upgrade/" + "upgrade1_" * 5000 + ".txt")


def test_a_team_that_stops_the_app_to_migrate_gets_drops_in_the_summary() -> None:
    model = _code_change("app/models/image.rb", "class Image < ApplicationRecord")
    drop = added_file(DROP_IMAGES_PATH, DROP_IMAGES)
    assert _shown(_review(drop, model), "migration-drop-or-rename")
    stopped = RepoConfig(llm=False, deploy="stopped")
    summary = _summary(_review(drop, model, config=stopped), "migration-drop-or-rename")
    assert summary and "deploy: stopped" in summary[0].body
    assert not _shown(_review(drop, model, config=stopped), "migration-drop-or-rename")


@pytest.mark.parametrize(
    "down",
    [
        "export const down: Migration = async ({ context: queryInterface }) => {",
        "export async function down(knex) {",
    ],
)
def test_exported_rollback_is_not_a_deploy_step(down: str) -> None:
    # The drop in `down` runs only on a rollback; the one in `up` runs on deploy.
    ts = f"""import type {{ Migration }} from "..";

export const up: Migration = async ({{ context: queryInterface }}) => {{
  await queryInterface.removeColumn("patient", "legacy_ref");
}};

{down}
  await queryInterface.dropTable("cw_directory_entry_new");
}};
"""
    findings = _review(added_file("packages/api/src/sequelize/migrations/2025-10-09.ts", ts))
    lines = {f.line for f in findings if f.rule == "migration-drop-or-rename"}
    assert 4 in lines
    assert 8 not in lines


def test_index_reapplied_if_not_exists_goes_to_the_summary() -> None:
    first = "CREATE INDEX idx_events_status ON events (org_id, status);\n"
    again = (
        "-- Re-apply 000064 where it was recorded but not applied.\n"
        "CREATE INDEX IF NOT EXISTS idx_events_status ON events (org_id, status);\n"
        "CREATE INDEX IF NOT EXISTS idx_events_path ON events (org_id, path);\n"
    )
    schema = {
        "migrations/000063_events.up.sql": "CREATE TABLE events (id bigint, org_id int);\n",
        "migrations/000064_events_status.up.sql": first,
    }
    findings = _review(added_file("migrations/000101_ensure_events.up.sql", again), schema=schema)
    summary = _summary(findings, "index-build-blocking")
    assert [f.line for f in summary if "already built by" in f.body] == [2]
    assert "migrations/000064_events_status.up.sql" in summary[0].body
    # An index of a new name is built by this statement: not a re-apply.
    assert not [f for f in findings if f.line == 3 and "already built by" in f.body]
    # One comment standing for three builds, one of them new: it stays as it was.
    three = again + "CREATE INDEX IF NOT EXISTS idx_events_kind ON events (org_id, kind);\n"
    mixed = _review(added_file("migrations/000101_ensure_events.up.sql", three), schema=schema)
    assert not [f for f in mixed if "already built by" in f.body]
    # Dropped in between: the statement builds it again.
    dropped = {**schema, "migrations/000080_drop.up.sql": "DROP INDEX idx_events_status;\n"}
    rebuilt = _review(added_file("migrations/000101_ensure_events.up.sql", again), schema=dropped)
    assert not [f for f in rebuilt if "already built by" in f.body]


def test_one_migration_copied_for_two_runners_is_one_comment() -> None:
    atlas = "-- atlas:txmode none\nCREATE INDEX idx_events_org ON events (org_id);\n"
    goose = (
        '-- +goose Up\n-- create index "idx_events_org" to table: "events"\n'
        "CREATE INDEX idx_events_org ON events (org_id);\n\n"
        "-- +goose Down\nDROP INDEX idx_events_org;\n"
    )
    findings = _review(
        added_file("db/migrations/20260807044745_indexes.sql", atlas),
        added_file("db/migrations-goose-postgres/20260807044755_indexes.sql", goose),
    )
    builds = [f for f in findings if f.rule == "index-build-blocking"]
    assert [f.path for f in builds] == ["db/migrations/20260807044745_indexes.sql"]
    assert "db/migrations-goose-postgres/20260807044755_indexes.sql" in builds[0].body
    # Two migrations that differ are two problems, each with its comment.
    other = goose.replace("(org_id)", "(org_id, kind)")
    apart = _review(
        added_file("db/migrations/20260807044745_indexes.sql", atlas),
        added_file("db/migrations-goose-postgres/20260807044755_indexes.sql", other),
    )
    assert len([f for f in apart if f.rule == "index-build-blocking"]) == 2


def test_a_drop_is_a_summary_line_unless_the_deploy_is_rolling() -> None:
    # The deploy decides whether old code reads the dropped column; unset, it is not known.
    migration = added_file(
        "db/migrate/20260101000000_remove_legacy_ref_from_orders.rb",
        "class RemoveLegacyRef < ActiveRecord::Migration[7.1]\n"
        "  def change\n    remove_column :orders, :legacy_ref, :string\n  end\n end\n",
    )
    code = _code_change("app/models/order.rb", "    legacy_ref")
    unset = _review(migration, code, config=RepoConfig(llm=False))
    assert not _shown(unset, "migration-drop-or-rename")
    (noted,) = _summary(unset, "migration-drop-or-rename")
    assert "`deploy: rolling`" in noted.body
    rolling = _review(migration, code, config=RepoConfig(llm=False, deploy="rolling"))
    assert [f.line for f in _shown(rolling, "migration-drop-or-rename")] == [3]


def test_unique_constraint_and_primary_key_locks_are_decided_by_the_table_size() -> None:
    sql = (
        "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);\n"
        "ALTER TABLE links ADD PRIMARY KEY (id);\n"
    )
    path = "migrations/000042_keys.up.sql"
    unknown = _review(added_file(path, sql))
    for rule in ("pg-add-unique-constraint-locking", "pg-add-primary-key-locking"):
        assert not _shown(unknown, rule)
        assert _summary(unknown, rule)
    large = RepoConfig(llm=False, large_tables=["accounts", "links"])
    listed = _review(added_file(path, sql), config=large)
    assert [f.line for f in _shown(listed, "pg-add-unique-constraint-locking")] == [1]
    assert [f.line for f in _shown(listed, "pg-add-primary-key-locking")] == [2]


def test_a_table_rewrite_is_decided_by_the_table_size() -> None:
    """A volatile default rewrites every row under an exclusive lock: for as long as the
    table is big. On a table the repository does not size, the summary says so."""
    sql = "ALTER TABLE orders ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();\n"
    path = "migrations/000043_token.up.sql"
    unknown = _review(added_file(path, sql))
    assert not _shown(unknown, "migration-column-rewrite")
    (noted,) = _summary(unknown, "migration-column-rewrite")
    assert "size of `orders`, which the repository does not show" in noted.body
    large = RepoConfig(llm=False, large_tables=["orders"])
    (shown,) = _shown(_review(added_file(path, sql), config=large), "migration-column-rewrite")
    assert shown.severity is Severity.HIGH
    small = RepoConfig(llm=False, small_tables=["orders"])
    # Said to be small, it stays a summary line (it must never become a comment).
    listed_small = _review(added_file(path, sql), config=small)
    assert not _shown(listed_small, "migration-column-rewrite")
    (short,) = _summary(listed_small, "migration-column-rewrite")
    assert "`orders` is listed under `small_tables:`" in short.body


GORM_MODEL_BEFORE = "package model\n\ntype Backup struct {\n\tID   uint\n\tName string\n}\n"
GORM_MODEL_AFTER = (
    "package model\n\ntype Backup struct {\n\tID   uint\n\tName string\n"
    '\tSkipRetry bool `gorm:"not null"`\n}\n'
)


def test_a_struct_tag_is_a_comment_only_where_the_change_shows_the_sync() -> None:
    """A project whose schema comes from SQL migrations never runs `AutoMigrate`: the
    tag is a summary line unless a file of the change calls it."""
    diff = "".join(
        difflib.unified_diff(
            GORM_MODEL_BEFORE.splitlines(keepends=True),
            GORM_MODEL_AFTER.splitlines(keepends=True),
            "a/internal/model/backup.go",
            "b/internal/model/backup.go",
        )
    )
    head = "diff --git a/internal/model/backup.go b/internal/model/backup.go\n"
    (model,) = parse_diff(head + diff)
    model = model.model_copy(update={"content": GORM_MODEL_AFTER})
    alone = _review(model)
    assert not _shown(alone, "go-automigrate-schema-change")
    (noted,) = _summary(alone, "go-automigrate-schema-change")
    assert "No file of this change calls `AutoMigrate`" in noted.body
    boot = added_file(
        "cmd/server/main.go",
        "package main\n\nfunc main() {\n\tdb.AutoMigrate(&model.Backup{})\n}\n",
    )
    assert _shown(_review(model, boot), "go-automigrate-schema-change")


def test_create_table_force_and_an_index_on_an_unnamed_table_are_summary_lines() -> None:
    """`force: :cascade` in an install migration drops nothing on a new table (0 of 20
    judged worth a comment); an engine's migration that names its table in code gives no
    table whose size could be told."""
    force = added_file(
        "db/migrate/20260729105059_add_solid_queue_tables.rb",
        "class AddSolidQueueTables < ActiveRecord::Migration[8.0]\n  def change\n"
        '    create_table "solid_queue_jobs", force: :cascade do |t|\n'
        '      t.string "queue_name", null: false\n    end\n  end\nend\n',
    )
    assert _summary(_review(force), "rails-create-table-force")
    assert not _shown(_review(force), "rails-create-table-force")
    engine = added_file(
        "db/migrate/20250204102933_add_missing_unique_indices.acts_as_taggable_on_engine.rb",
        "class AddMissingUniqueIndices < ActiveRecord::Migration[6.0]\n  def change\n"
        "    add_index ActsAsTaggableOn.tags_table, :name, unique: true\n  end\nend\n",
    )
    found = [f for f in _review(engine) if f.category is Category.INDEXING]
    assert found and all(f.severity is Severity.INFO for f in found)

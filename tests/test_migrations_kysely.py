"""Kysely migrations: the index build is rated on the table its `.on("t")` names, with
the same table-size policy as the other frameworks."""

from __future__ import annotations

from bot.config import RepoConfig
from bot.diff import added_file
from bot.models import Finding, Severity
from bot.pipeline import review_files

PATH = "src/db/migrations/2024_06_01_oauth_clients_idx.ts"
MIGRATION = """import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("page_visits").addColumn("referrer", "text").execute();
  await db.schema
    .createIndex("oauth_clients_owner_idx")
    .on("oauth_clients")
    .column("owner_id")
    .execute();
}
"""


def _index(config: RepoConfig) -> list[Finding]:
    findings = review_files([added_file(PATH, MIGRATION)], config).findings
    return [f for f in findings if f.rule == "index-build-blocking"]


def test_the_index_build_is_rated_on_the_table_of_its_on_call() -> None:
    # A configuration table of unknown size: the summary, not the earlier ALTER's table.
    found = _index(RepoConfig(llm=False))
    assert found and all(f.severity is Severity.INFO for f in found)
    assert "oauth_clients" in found[0].title
    listed = _index(RepoConfig(llm=False, large_tables=["oauth_clients"]))
    assert [f.line for f in listed if f.severity is Severity.HIGH] == [6]
    other = _index(RepoConfig(llm=False, large_tables=["page_visits"]))
    assert not [f for f in other if f.severity is Severity.HIGH]


def test_raw_sql_names_the_table_of_its_sql_table_interpolation() -> None:
    text = (
        'import { Kysely, sql } from "kysely";\n\n'
        "export async function up(db: Kysely<any>): Promise<void> {\n"
        '  await sql`ALTER TABLE ${sql.table("orders")} ALTER COLUMN total TYPE bigint`'
        ".execute(db);\n}\n"
    )
    findings = review_files([added_file(PATH, text)], RepoConfig(llm=False)).findings
    titles = [f.title for f in findings if f.rule == "migration-column-type-change"]
    assert titles == ["Column type change on `orders`"]


def test_the_schema_model_reads_kysely_migrations() -> None:
    from bot.schema.sources import build_schema

    text = (
        'import { Kysely } from "kysely";\n\n'
        "export async function up(db: Kysely<any>): Promise<void> {\n"
        "  await db.schema\n"
        '    .createTable("invoices")\n'
        '    .addColumn("id", "serial", (col) => col.primaryKey())\n'
        '    .addColumn("customer_id", "integer", (c) => c.notNull().references("customers.id"))\n'
        '    .addColumn("note", "text")\n'
        "    .execute();\n"
        '  await db.schema.createIndex("note_idx").on("invoices").column("note").execute();\n'
        '  await db.schema.alterTable("invoices").renameColumn("note", "memo").execute();\n'
        "}\n\n"
        "export async function down(db: Kysely<any>): Promise<void> {\n"
        '  await db.schema.dropTable("invoices").execute();\n'
        "}\n"
    )
    schema = build_schema({"src/db/migrations/001_invoices.ts": text})
    table = schema.table("invoices")
    assert table is not None
    assert list(table.columns) == ["id", "customer_id", "memo"]
    assert table.columns["customer_id"].nullable is False
    assert [fk.ref_table for fk in table.foreign_keys] == ["customers"]
    assert [index.columns for index in table.indexes] == [("memo",)]


# --- the database named by the service's package manifest ------------------------------


def _manifest(deps: dict[str, str], dev: dict[str, str] | None = None) -> str:
    import json

    return json.dumps({"name": "api", "dependencies": deps, "devDependencies": dev or {}})


def _lock_advice(schema: dict[str, str]) -> tuple[list[Finding], list[Finding]]:
    """The index build on a table listed as large (inline unless the database makes
    PostgreSQL's lock advice wrong), shown and summary-only."""
    config = RepoConfig(llm=False, large_tables=["oauth_clients"])
    found = [
        f
        for f in review_files([added_file(PATH, MIGRATION)], config, schema_files=schema).findings
        if f.rule == "index-build-blocking"
    ]
    return (
        [f for f in found if f.severity is not Severity.INFO],
        [f for f in found if f.severity is Severity.INFO],
    )


def test_a_kysely_service_on_mysql_gets_no_postgresql_lock_advice() -> None:
    """Kysely picks its dialect in code; the driver in the manifest names the database.
    InnoDB builds a secondary index online, so the blocking-build comment is wrong."""
    schema = {"package.json": _manifest({"kysely": "^0.27.0", "mysql2": "^3.9.0"})}
    shown, summary = _lock_advice(schema)
    assert not shown
    assert "MySQL/MariaDB" in summary[0].body


def test_manifests_that_do_not_settle_the_database_keep_the_advice() -> None:
    cases = {
        "postgres driver": {"package.json": _manifest({"kysely": "1", "pg": "8"})},
        # SQLite only for the tests: devDependencies are not the service's database.
        "test database": {
            "package.json": _manifest({"kysely": "1", "pg": "8"}, dev={"better-sqlite3": "9"})
        },
        # Two drivers at run time: either may be production's.
        "two drivers": {"package.json": _manifest({"knex": "3", "pg": "8", "mysql2": "3"})},
        # No migration library beside the driver.
        "driver alone": {"package.json": _manifest({"mysql2": "3"})},
        # A desktop package keeping local data in SQLite, with no migration code under it.
        "other package": {
            "desktop/package.json": _manifest({"knex": "3", "better-sqlite3": "9"}),
        },
        "not json": {"package.json": "{ not json"},
    }
    for name, schema in cases.items():
        shown, _summary = _lock_advice(schema)
        assert shown, name


def test_package_manifests_near_the_top_are_schema_candidates() -> None:
    from bot.schema.sources import candidate

    assert candidate("package.json")
    assert candidate("apps/api/package.json")
    assert not candidate("packages/web/ui/package.json")
    assert not candidate("node_modules/kysely/package.json")

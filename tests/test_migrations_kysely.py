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

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

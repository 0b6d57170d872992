"""PostgreSQL type advice against the project's own convention (`bot/schema/type_convention`):
a schema whose existing files use plain `timestamp`, 32-bit keys or `json` throughout has
chosen it; where advice stays, one finding per rule covers the whole change."""

from __future__ import annotations

from bot.config import RepoConfig
from bot.diff import added_file
from bot.models import Finding
from bot.pipeline import review_files
from bot.schema.type_convention import conventions

NEW = "db/migrations/0042_reports/migration.sql"
NEW_SQL = """CREATE TABLE "Report" (
    "id" SERIAL NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "body" JSON,
    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "Share" (
    "id" SERIAL NOT NULL,
    "expiresAt" TIMESTAMP(3)
);
ALTER TABLE "User" ADD COLUMN "seenAt" TIMESTAMP(3);
"""
OLD = "db/migrations/0001_init/migration.sql"
OLD_SQL = """-- the first tables
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "settings" JSON,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "Folder" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "meta" JSON,
    "extra" JSON,
    CONSTRAINT "Folder_pkey" PRIMARY KEY ("id")
);
"""
TYPE_RULES = {"pg-prefer-timestamptz", "pg-prefer-bigint", "pg-prefer-jsonb"}


def _type_advice(schema: dict[str, str] | None) -> list[Finding]:
    files = [added_file(NEW, NEW_SQL)]
    found = review_files(files, RepoConfig(llm=False), schema_files=schema).findings
    return [f for f in found if f.rule in TYPE_RULES]


def test_a_schema_that_uses_the_other_type_throughout_gets_no_type_advice() -> None:
    assert _type_advice({OLD: OLD_SQL, NEW: NEW_SQL}) == []


def test_one_use_of_the_advised_type_keeps_the_advice_once_per_change() -> None:
    mixed = OLD_SQL.replace('"updatedAt" TIMESTAMP(3)', '"updatedAt" TIMESTAMPTZ(3)', 1)
    advice = _type_advice({OLD: mixed, NEW: NEW_SQL})
    timestamps = [f for f in advice if f.rule == "pg-prefer-timestamptz"]
    # Plain timestamps in three statements: one finding, naming the other two places.
    assert [f.line for f in timestamps] == [4]
    assert f"{NEW}:12" in timestamps[0].body and f"{NEW}:14" in timestamps[0].body
    # Keys and JSON still follow the existing files' convention.
    assert {f.rule for f in advice} == {"pg-prefer-timestamptz"}


def test_without_the_repository_files_the_advice_stays_once() -> None:
    advice = _type_advice(None)
    assert [f.rule for f in advice if f.rule == "pg-prefer-timestamptz"] == [
        "pg-prefer-timestamptz"
    ]


def test_names_and_comments_are_not_types() -> None:
    texts = {
        "db/a.sql": (
            '-- timestamptz would be better\nCREATE TABLE t ("timestamp" TIMESTAMP, '
            "b timestamp, c timestamp without time zone, d int);\n"
        ),
        "db/b.rb": "# jsonb later\nt.json :payload\nt.json :meta\nt.json :extra\n",
        "db/new.sql": "CREATE TABLE n (e TIMESTAMPTZ, f jsonb, g bigint);\n",
    }
    # One `int` is too few to call a convention.
    assert conventions(texts, {"db/new.sql"}) == {"pg-prefer-timestamptz", "pg-prefer-jsonb"}
    assert conventions(texts, None) == set()
    texts["db/c.sql"] = "ALTER TABLE t ADD COLUMN e timestamp(6) with time zone;\n"
    assert "pg-prefer-timestamptz" not in conventions(texts, {"db/new.sql"})


def test_scripts_not_analysed_are_named_in_one_notice_per_change() -> None:
    broken = "ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX ON;\n"
    paths = ["db/postgres/patches/070-notes.sql", "db/postgres/patches/071-notes.sql"]
    files = [added_file(path, broken) for path in paths]
    found = review_files(files, RepoConfig(llm=False)).findings
    (notice,) = [f for f in found if f.rule == "sql-not-analysed"]
    assert notice.path == paths[0] and f"{paths[1]}:2" in notice.body


def test_ruby_code_and_implicit_rails_ids_are_no_convention() -> None:
    ruby = (
        "t.integer :count\nt.integer :position\nt.integer :rank\n"
        "data = JSON.parse(raw)\nJSON.dump(data)\nJSON.generate(data)\nt.json :payload\n"
    )
    # Rails ids are 64-bit without saying so; `JSON.parse` is code, not a column.
    assert conventions({"db/migrate/1_init.rb": ruby}, set()) == set()

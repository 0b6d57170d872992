"""Column type changes PostgreSQL makes in place (`varchar(255)` -> `text`, a longer
varchar, `numeric(10,2)` -> `numeric`, `cidr` -> `inet`) are not rewrites when the
repository's schema shows the old type; every other change, and any change whose old
type is unknown, still is."""

from __future__ import annotations

import pytest

from bot.config import RepoConfig
from bot.diff import added_file
from bot.models import ChangedFile, Finding
from bot.pipeline import review_files
from bot.rules.lib.type_change import rewrites

RULE = "migration-column-type-change"
SQL_SCHEMA = {
    "db/migrations/20240101000000_create_notes.sql": (
        "CREATE TABLE notes (\n"
        "  id bigserial PRIMARY KEY,\n"
        "  note varchar(255) NOT NULL,\n"
        "  title character varying(120),\n"
        "  body text,\n"
        "  hits integer NOT NULL DEFAULT 0,\n"
        "  price numeric(10, 2),\n"
        "  network cidr,\n"
        "  seen_at timestamp\n"
        ");\n"
    )
}


def _review(file: ChangedFile, schema: dict[str, str] | None) -> list[Finding]:
    findings = review_files([file], RepoConfig(llm=False), schema_files=schema).findings
    return [f for f in findings if f.rule in (RULE, "pg-change-column-type")]


def _sql(statement: str) -> ChangedFile:
    return added_file("db/migrations/20240301000000_change_notes.sql", statement + "\n")


@pytest.mark.parametrize(
    "statement",
    [
        "ALTER TABLE notes ALTER COLUMN note TYPE text;",
        "ALTER TABLE notes ALTER COLUMN note TYPE varchar(500);",
        "ALTER TABLE notes ALTER COLUMN note TYPE varchar;",
        "ALTER TABLE notes ALTER COLUMN title SET DATA TYPE text;",
        "ALTER TABLE notes ALTER COLUMN price TYPE numeric;",
        "ALTER TABLE notes ALTER COLUMN network TYPE inet;",
    ],
)
def test_in_place_widening_is_not_flagged(statement: str) -> None:
    assert not _review(_sql(statement), SQL_SCHEMA)


@pytest.mark.parametrize(
    "statement",
    [
        "ALTER TABLE notes ALTER COLUMN hits TYPE bigint;",
        "ALTER TABLE notes ALTER COLUMN body TYPE varchar(255);",
        "ALTER TABLE notes ALTER COLUMN note TYPE varchar(100);",
        "ALTER TABLE notes ALTER COLUMN seen_at TYPE timestamptz;",
        "ALTER TABLE notes ALTER COLUMN note TYPE text USING trim(note);",
        "ALTER TABLE notes ALTER COLUMN note TYPE text, ALTER COLUMN hits TYPE bigint;",
    ],
)
def test_rewriting_changes_are_flagged(statement: str) -> None:
    assert _review(_sql(statement), SQL_SCHEMA)


def test_unknown_old_type_is_flagged() -> None:
    assert _review(_sql("ALTER TABLE notes ALTER COLUMN note TYPE text;"), None)
    assert _review(_sql("ALTER TABLE notes ALTER COLUMN other TYPE text;"), SQL_SCHEMA)


def test_an_earlier_type_change_is_the_old_type() -> None:
    """The column was made `integer` by a later migration: `text` from there rewrites."""
    schema = dict(SQL_SCHEMA)
    schema["db/migrations/20240201000000_note_int.sql"] = (
        "ALTER TABLE notes ALTER COLUMN note TYPE integer USING note::integer;\n"
    )
    assert _review(_sql("ALTER TABLE notes ALTER COLUMN note TYPE text;"), schema)


RAILS_SCHEMA = {
    "db/schema.rb": (
        "ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do\n"
        '  create_table "posts", force: :cascade do |t|\n'
        '    t.string "title", null: false\n'
        '    t.integer "views", default: 0\n'
        "  end\n"
        "end\n"
    )
}


def _rails(line: str) -> ChangedFile:
    return added_file(
        "db/migrate/20240301000000_widen_posts.rb",
        f"class WidenPosts < ActiveRecord::Migration[7.1]\n  def up\n    {line}\n  end\nend\n",
    )


def test_rails_string_to_text_is_not_flagged() -> None:
    assert not _review(_rails("change_column :posts, :title, :text"), RAILS_SCHEMA)
    assert _review(_rails("change_column :posts, :views, :bigint"), RAILS_SCHEMA)
    assert _review(_rails("change_column :posts, :title, :text"), None)


ALEMBIC_SCHEMA = {
    "migrations/versions/0001_items.py": (
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        'revision = "0001"\n'
        "down_revision = None\n\n\n"
        "def upgrade():\n"
        "    op.create_table(\n"
        '        "items",\n'
        '        sa.Column("id", sa.Integer(), primary_key=True),\n'
        '        sa.Column("name", sa.String(255), nullable=False),\n'
        '        sa.Column("qty", sa.Integer(), nullable=False),\n'
        "    )\n"
    )
}


def _alembic(call: str) -> ChangedFile:
    return added_file(
        "migrations/versions/0002_widen_items.py",
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        'revision = "0002"\n'
        'down_revision = "0001"\n\n\n'
        "def upgrade():\n"
        f"    {call}\n",
    )


def test_alembic_string_to_text_is_not_flagged() -> None:
    widen = 'op.alter_column("items", "name", type_=sa.Text())'
    assert not _review(_alembic(widen), ALEMBIC_SCHEMA)
    assert _review(_alembic(widen), None)
    assert _review(
        _alembic('op.alter_column("items", "qty", type_=sa.BigInteger())'), ALEMBIC_SCHEMA
    )
    stated = (
        'op.alter_column("items", "name", existing_type=sa.String(length=255), type_=sa.Text())'
    )
    assert not _review(_alembic(stated), None)
    shorter = 'op.alter_column("items", "name", existing_type=sa.String(255), type_=sa.String(80))'
    assert _review(_alembic(shorter), None)


def test_rewrites_by_type_name() -> None:
    assert not rewrites("varchar(255)", "text")
    assert not rewrites("character varying(20)", "varchar(40)")
    assert not rewrites("decimal(10, 2)", "numeric")
    assert not rewrites("cidr", "inet")
    assert rewrites("int", "bigint")
    assert rewrites("text", "varchar(10)")
    assert rewrites("varchar(40)", "varchar(20)")
    assert rewrites("timestamp", "timestamptz")
    assert rewrites("numeric(10, 2)", "numeric(12, 2)")  # not claimed: kept as a rewrite

"""What a plain index build is rated on when the table's size is not configured: the
evidence the repository shows (a table named as a record of activity, an index already
built concurrently on it), Django operations that run no SQL, and the branch of a
database switch that runs off PostgreSQL. False-alarm classes of the judged real
commits of bench/migration_precision.py, each with the hazard next to it still
reported inline."""

from __future__ import annotations

from bot.config import RepoConfig
from bot.diff import added_file
from bot.models import ChangedFile, Finding, Severity
from bot.pipeline import review_files

RULE = "index-build-blocking"


def _review(
    *files: ChangedFile,
    config: RepoConfig | None = None,
    schema: dict[str, str] | None = None,
) -> list[Finding]:
    return review_files(list(files), config or RepoConfig(llm=False), schema_files=schema).findings


def _shown(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == RULE and f.severity is not Severity.INFO]


def _summary(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == RULE and f.severity is Severity.INFO]


def _sql(table: str) -> str:
    return f"CREATE INDEX {table}_account_idx ON {table} (account_id);\n"


PATH = "db/migrations/20240601000000_account_idx.sql"
# The tables the tests below build indexes on, listed as large: a plain build on them is a
# comment, so what else decides (Django state operations, a database switch) shows.
_LARGE = RepoConfig(llm=False, large_tables=["events", "visit", "tracking_visit"])


# --- the table's name and history ------------------------------------------------------


def test_build_on_a_table_of_unknown_size_is_summary_saying_what_the_name_shows() -> None:
    # Judged on the fresh sets N-T as first reviewed, builds shown as comments on a table's
    # name or history were worth acting on 7 times in 28: the size decides, the team says.
    for table in ("page_visits", "delivery_attempts", "audit_log", "spree_line_items"):
        findings = _review(added_file(PATH, _sql(table)))
        assert not _shown(findings), table
        body = _summary(findings)[0].body
        assert "grows with traffic" in body and "large_tables:" in body
    # Configuration and reference tables: the summary, saying the name shows nothing.
    for table in ("registration_sequences", "notification_settings", "oauth_clients"):
        findings = _review(added_file(PATH, _sql(table)))
        assert not _shown(findings), table
        assert "does not say it grows" in _summary(findings)[0].body
    # The team's lists decide.
    listed = RepoConfig(llm=False, large_tables=["oauth_clients"])
    shown = _shown(_review(added_file(PATH, _sql("oauth_clients")), config=listed))
    assert [f.severity for f in shown] == [Severity.HIGH]
    small = RepoConfig(llm=False, small_tables=["page_visits"])
    assert not [
        f
        for f in _shown(_review(added_file(PATH, _sql("page_visits")), config=small))
        if f.severity is Severity.HIGH
    ]


def test_a_table_the_project_already_indexes_concurrently_is_named_in_the_summary() -> None:
    earlier = "db/migrations/20230101000000_devices_serial.sql"
    schema = {earlier: "CREATE INDEX CONCURRENTLY devices_serial_idx ON devices (serial);\n"}
    findings = _review(added_file(PATH, _sql("devices")), schema={**schema, PATH: _sql("devices")})
    assert not _shown(findings)
    [summary] = _summary(findings)
    assert earlier in summary.body and "large_tables:" in summary.body
    # Without that migration the note says only that the name shows nothing.
    plain = _summary(_review(added_file(PATH, _sql("devices")), schema={PATH: _sql("devices")}))
    assert earlier not in plain[0].body


def test_an_option_set_to_false_or_a_generated_snapshot_is_no_concurrent_build() -> None:
    # Drizzle writes `"concurrently": false` for every index into its JSON snapshots;
    # a Python call can say `postgresql_concurrently=False`.
    snapshot = "db/migrations/meta/0007_snapshot.json"
    schema = {
        snapshot: '{"tables": {"devices": {"indexes": {"devices_name_idx": '
        '{"columns": ["name"], "concurrently": false}}}}}\n',
        "db/versions/0006_devices.py": (
            'op.create_index("devices_model_idx", "devices", ["model"],'
            " postgresql_concurrently=False)\n"
        ),
        PATH: _sql("devices"),
    }
    assert not _shown(_review(added_file(PATH, _sql("devices")), schema=schema))


# --- Django operations that run no SQL ---------------------------------------------------

STATE_ONLY = """from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("tracking", "0041_visit_source")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    sql="CREATE INDEX CONCURRENTLY visit_source_idx ON tracking_visit (source_id);",
                    reverse_sql="DROP INDEX IF EXISTS visit_source_idx;",
                ),
            ],
            state_operations=[
                migrations.AddIndex(
                    model_name="visit",
                    index=models.Index(fields=["source"], name="visit_source_idx"),
                ),
            ],
        ),
    ]
"""
PLAIN_ADD_INDEX = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tracking", "0041_visit_source")]

    operations = [
        migrations.AddIndex(
            model_name="visit",
            index=models.Index(fields=["source"], name="visit_source_idx"),
        ),
    ]
"""


def test_django_state_operations_run_no_sql() -> None:
    path = "tracking/migrations/0042_visit_source_idx.py"
    assert not [f for f in _review(added_file(path, STATE_ONLY)) if f.rule == RULE]
    # The same `AddIndex` as a real operation builds the index with writes locked.
    assert _shown(_review(added_file(path, PLAIN_ADD_INDEX), config=_LARGE))


# --- the non-PostgreSQL branch of a database switch ---------------------------------------

ALEMBIC_SWITCH = """import sqlalchemy as sa
from alembic import op

revision = "7b1c2d3e4f50"
down_revision = "6a0b1c2d3e4f"


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        with op.get_context().autocommit_block():
            op.create_index(
                "events_actor_idx", "events", ["actor_id"], postgresql_concurrently=True
            )
    else:
        op.create_index("events_actor_idx", "events", ["actor_id"])
    op.create_index("events_kind_idx", "events", ["kind"])


def downgrade():
    op.drop_index("events_kind_idx", table_name="events")
    op.drop_index("events_actor_idx", table_name="events")
"""


def test_the_branch_of_a_database_switch_off_postgres_is_summary() -> None:
    path = "migrations/versions/7b1c2d3e4f50_events_actor_idx.py"
    findings = _review(added_file(path, ALEMBIC_SWITCH), config=_LARGE)
    text = ALEMBIC_SWITCH.splitlines()
    fallback = text.index('        op.create_index("events_actor_idx", "events", ["actor_id"])') + 1
    outside = text.index('    op.create_index("events_kind_idx", "events", ["kind"])') + 1
    assert [f.line for f in _shown(findings)] == [outside]
    summary = _summary(findings)
    assert [f.line for f in summary] == [fallback]
    assert "other than PostgreSQL" in summary[0].body


# --- a container that migrates before it serves ------------------------------------------

ENTRYPOINT = """#!/bin/sh
set -e

if [ "$1" = "node" ]; then
    npx sequelize db:migrate
fi

exec "$@"
"""
SEQUELIZE_INDEX = """'use strict'

module.exports = {
  up: async (queryInterface) => {
    await queryInterface.addIndex('Revisions', ['noteId'])
  },
  down: async (queryInterface) => {
    await queryInterface.removeIndex('Revisions', ['noteId'])
  }
}
"""


def test_sequelize_migrations_run_by_the_container_before_the_server() -> None:
    path = "lib/migrations/20240114120250-revision-add-index.js"
    large = RepoConfig(llm=False, large_tables=["revisions"])
    shown = _shown(_review(added_file(path, SEQUELIZE_INDEX), config=large))
    assert shown
    schema = {"deployments/docker-entrypoint.sh": ENTRYPOINT, path: SEQUELIZE_INDEX}
    findings = _review(added_file(path, SEQUELIZE_INDEX), schema=schema)
    assert not _shown(findings)
    assert "docker-entrypoint.sh" in _summary(findings)[0].body

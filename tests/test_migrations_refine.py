"""Migration findings read against the whole change: the false-alarm shapes seen on real
projects (bench/migration_precision.py) stay quiet, the hazard next to them is still found."""

from __future__ import annotations

from bot.config import RepoConfig, RulesConfig
from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, FileStatus, Finding, Severity
from bot.pipeline import review_files


def _review(
    *files: ChangedFile,
    config: RepoConfig | None = None,
    schema: dict[str, str] | None = None,
) -> list[Finding]:
    """`schema` is the repository's schema-bearing files, as the App and `--git` pass them."""
    return review_files(
        list(files), config or RepoConfig(llm=False, deploy="rolling"), schema_files=schema
    ).findings


def _code_change(path: str, removed: str) -> ChangedFile:
    """A code file from which the change removes `removed` (the use of what a migration
    drops): a drop is a hazard when the code that used it ships in the same change."""
    diff = (
        f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n"
        f"@@ -1,2 +1,1 @@\n # model\n-{removed}\n"
    )
    return parse_diff(diff)[0]


def _rules(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in findings]


def _modified(path: str, text: str) -> ChangedFile:
    return added_file(path, text).model_copy(update={"status": FileStatus.MODIFIED})


RAILS_UP_DOWN = """class SwapEventIndex < ActiveRecord::Migration[7.1]
  def up
    remove_index :events, name: "index_events_on_kind"
  end

  def down
    add_index :events, [:kind, :created_at], name: "index_events_on_kind"
  end
end
"""


def test_rollback_path_is_not_a_deploy_hazard() -> None:
    rules = _rules(_review(added_file("db/migrate/20240101000000_swap.rb", RAILS_UP_DOWN)))
    assert ("migration-drop-index-blocking", 3) in rules
    assert all(line < 6 for _, line in rules), rules


def test_goose_down_section_is_skipped() -> None:
    sql = (
        "-- +goose Up\nCREATE INDEX idx_orders_state ON orders (state);\n"
        "-- +goose Down\nDROP INDEX idx_orders_state;\n"
    )
    rules = _rules(_review(added_file("db/migrations/20240101_orders.sql", sql)))
    assert ("index-build-blocking", 2) in rules
    assert not [r for r in rules if r[1] == 4]


DJANGO_NEW_MODEL = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="Coupon",
            fields=[("id", models.BigAutoField(primary_key=True)), ("code", models.TextField())],
        ),
    ]
"""
DJANGO_INDEX = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_coupon")]

    operations = [
        migrations.AddIndex(
            model_name="coupon",
            index=models.Index(fields=["code"], name="shop_coupon_code"),
        ),
    ]
"""


def test_index_on_a_table_this_change_creates_is_not_flagged() -> None:
    index = added_file("shop/migrations/0003_coupon_code.py", DJANGO_INDEX)
    alone = _rules(_review(index))
    assert [r for r, _ in alone if r == "index-build-blocking"]
    together = _review(added_file("shop/migrations/0002_coupon.py", DJANGO_NEW_MODEL), index)
    assert not [f for f in together if f.rule == "index-build-blocking"]


def test_index_dropped_right_before_its_table_is_not_flagged() -> None:
    alone = "  def change\n    remove_index :legacy_events, :kind\n  end\n"
    head = "class DropLegacy < ActiveRecord::Migration[7.1]\n"
    path = "db/migrate/20240101000000_drop_legacy.rb"
    rules = [f.rule for f in _review(added_file(path, head + alone + "end\n"))]
    assert "migration-drop-index-blocking" in rules
    both = alone.replace("  end\n", "    drop_table :legacy_events\n  end\n")
    rules = [f.rule for f in _review(added_file(path, head + both + "end\n"))]
    assert "migration-drop-index-blocking" not in rules
    assert "migration-drop-or-rename" in rules


def test_edited_old_migration_is_summary_only() -> None:
    text = DJANGO_INDEX
    findings = _review(_modified("shop/migrations/0003_coupon_code.py", text))
    index = [f for f in findings if f.rule == "index-build-blocking"]
    assert index and all(f.severity is Severity.INFO for f in index)
    assert "existed before this change" in index[0].body


def test_one_comment_per_hazard_per_migration() -> None:
    ops = "".join(
        f'        migrations.AddIndex(model_name="order", index=models.Index(fields=["f{i}"],'
        f' name="o_f{i}")),\n'
        for i in range(11)
    )
    text = (
        "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
        '    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n' + ops + "    ]\n"
    )
    found = [
        f
        for f in _review(added_file("shop/migrations/0004_many.py", text))
        if f.rule == "index-build-blocking"
    ]
    assert len(found) == 1
    assert "The same applies at lines 9, 10" in found[0].body


SEQUELIZE = """module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_state" ON "orders" ("state");'
    );
  },
};
"""


def test_sequelize_cli_runs_migrations_outside_a_transaction() -> None:
    path = "server/migrations/20240101000000-orders-state.js"
    assert "concurrent-index-in-transaction" not in [
        r for r, _ in _rules(_review(added_file(path, SEQUELIZE)))
    ]
    wrapped = SEQUELIZE.replace(
        "  async up(queryInterface) {\n",
        "  async up(queryInterface) {\n"
        "    await queryInterface.sequelize.transaction(async () => {});\n",
    )
    assert "concurrent-index-in-transaction" in [
        r for r, _ in _rules(_review(added_file(path, wrapped)))
    ]


def test_schema_dump_and_test_fixture_carry_no_schema_advice() -> None:
    ddl = "CREATE TABLE public.events (\n    id bigint NOT NULL,\n    at timestamp\n);\n"
    assert _review(added_file("db/structure.sql", ddl)) == []
    assert _review(added_file("server/migration/test-files/postgres.sql", ddl)) == []
    assert [f.rule for f in _review(added_file("migrations/V9__events.sql", ddl))]


def test_rails_plural_in_foreign_key_is_singularised() -> None:
    migration = """class AddStoryToVotes < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_column :votes, :story_id, :bigint
    add_index :votes, :story_id, algorithm: :concurrently
    add_foreign_key :votes, :stories, validate: false
  end
end
"""
    found = _review(added_file("db/migrate/20240101000000_add_story_to_votes.rb", migration))
    fk_rules = ("foreign-key-not-indexed", "fk-without-index")
    assert not [f for f in found if f.rule in fk_rules or "storie" in f.title]


ALEMBIC_FK_ON_NEW_COLUMN = """from alembic import op
import sqlalchemy as sa


def upgrade():
    op.add_column("challenges", sa.Column("module_id", sa.Integer(), nullable=True))
    op.create_foreign_key(None, "challenges", "modules", ["module_id"], ["id"])
    op.create_foreign_key(None, "challenges", "users", ["owner_id"], ["id"])
"""


def test_foreign_key_on_a_column_just_added_has_nothing_to_validate() -> None:
    found = _review(added_file("migrations/versions/abc123_modules.py", ALEMBIC_FK_ON_NEW_COLUMN))
    lines = [f.line for f in found if f.rule == "migration-constraint-validating"]
    assert 7 not in lines
    assert 8 in lines


def test_table_size_decides_the_severity_and_says_so() -> None:
    path = "shop/migrations/0003_coupon_code.py"
    plain = [f for f in _review(added_file(path, DJANGO_INDEX)) if f.rule.endswith("blocking")]
    assert "does not show" in plain[0].body
    small = _review(added_file(path, DJANGO_INDEX), config=RepoConfig(small_tables=["coupon"]))
    (build,) = [f for f in small if f.rule.endswith("blocking")]
    assert build.severity is Severity.INFO
    assert "`coupon` is listed under `small_tables:`" in build.body
    large = _review(added_file(path, DJANGO_INDEX), config=RepoConfig(large_tables=["coupon"]))
    assert [f.severity for f in large if f.rule.endswith("blocking")] == [Severity.HIGH]


DATA_MIGRATION = """class MoveHiddenVotes < ActiveRecord::Migration[7.1]
  def up
    Vote.where(vote: 0).find_each { |v| v.destroy! }
  end
end
"""


SCHEMA_RB = """ActiveRecord::Schema[7.1].define(version: 1) do
  create_table "votes" do |t|
    t.integer "vote"
  end
end
"""
APP_QUERY = """class VotesController < ApplicationController
  def zero
    render json: Vote.where(vote: 0).limit(10)
  end
end
"""


SCHEMA = {"db/schema.rb": SCHEMA_RB}


def test_queries_in_a_data_migration_need_no_index() -> None:
    app = _review(added_file("app/controllers/votes_controller.rb", APP_QUERY), schema=SCHEMA)
    assert "query-on-unindexed-column" in [f.rule for f in app]
    for path in ("db/migrate/20240101000000_move.rb", "db/old_migrations/20150101_move.rb"):
        found = _review(added_file(path, DATA_MIGRATION), schema=SCHEMA)
        assert not [f for f in found if "index" in f.rule or f.rule == "n-plus-one-query"], path


GO_DATA_MIGRATION = """package migration

var fixZeroForgeID = xormigrate.Migration{
	ID: "fix-zero-forge-id",
	MigrateSession: func(sess *xorm.Session) error {
		_, err := sess.Exec("UPDATE votes SET vote = 1 WHERE vote = 0")
		return err
	},
}
"""


def test_go_data_migration_queries_need_no_index() -> None:
    found = _review(
        added_file("server/store/datastore/migration/029_fix.go", GO_DATA_MIGRATION),
        schema=SCHEMA,
    )
    assert not [f for f in found if f.rule == "query-on-unindexed-column"]


ALEMBIC_FK = """from alembic import op

revision = "b2"
down_revision = "a1"


def upgrade():
{drop}    op.create_foreign_key(
        None, "files", "solutions", ["solution_id"], ["id"], ondelete="CASCADE"
    )
"""


def test_foreign_key_recreated_to_change_on_delete_is_not_unindexed_news() -> None:
    drop = '    op.drop_constraint("files_ibfk_1", "files", type_="foreignkey")\n'
    path = "migrations/versions/b2_cascade.py"
    recreated = _rules(_review(added_file(path, ALEMBIC_FK.format(drop=drop))))
    assert not [r for r, _ in recreated if r == "foreign-key-not-indexed"], recreated
    new = _rules(_review(added_file(path, ALEMBIC_FK.format(drop=""))))
    assert "foreign-key-not-indexed" in [r for r, _ in new]


def test_empty_downgrade_of_a_data_migration_is_summary_only() -> None:
    text = (
        'from alembic import op\n\nrevision = "b3"\ndown_revision = "a1"\n\n\n'
        "def upgrade():\n    op.execute(\"UPDATE alerts SET selector = 'first'\")\n\n\n"
        "def downgrade():\n    pass\n"
    )
    found = [f for f in _review(added_file("migrations/versions/b3_default.py", text))]
    irreversible = [f for f in found if f.rule == "migration-irreversible"]
    assert irreversible and all(f.severity is Severity.INFO for f in irreversible)
    assert "does not show" in irreversible[0].body


RAILS_FK = """class AddOwnerToProjects < ActiveRecord::Migration[7.1]
  def change
    add_column :projects, :owner_id, :bigint
    add_foreign_key :projects, :users, column: :owner_id
  end
end
"""
RAILS_FK_INDEX = """class IndexProjectsOwner < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_index :projects, :owner_id, algorithm: :concurrently
  end
end
"""
RAILS_PROJECTS = """class CreateProjects < ActiveRecord::Migration[7.1]
  def change
    create_table :projects do |t|
      t.string :name
    end
  end
end
"""


def test_foreign_key_indexed_by_a_later_migration_of_the_change_is_not_flagged() -> None:
    fk = added_file("db/migrate/20240102000000_add_owner_to_projects.rb", RAILS_FK)
    index = added_file("db/migrate/20240103000000_index_projects_owner.rb", RAILS_FK_INDEX)
    schema = {"db/migrate/20240101000000_create_projects.rb": RAILS_PROJECTS, fk.path: RAILS_FK}
    alone = _rules(_review(fk, schema=schema))
    assert ("foreign-key-not-indexed", 4) in alone
    both = _rules(_review(fk, index, schema={**schema, index.path: RAILS_FK_INDEX}))
    assert not [r for r, _ in both if r in ("foreign-key-not-indexed", "fk-without-index")]
    assert not [r for r, _ in _review(fk, index) if r.endswith("without-index")]


DJANGO_HEAD = (
    "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
    '    dependencies = [("shop", "0001_initial")]\n\n    operations = [\n'
)
DJANGO_INITIAL = (
    "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
    "    initial = True\n\n    operations = [\n        migrations.CreateModel(\n"
    '            name="Order",\n            fields=[\n'
    '                ("id", models.AutoField(primary_key=True, serialize=False)),\n'
    '                ("code", models.CharField(max_length=10{unique})),\n'
    "            ],\n        ),\n    ]\n"
)


def _alter(field: str, column: str) -> str:
    return (
        DJANGO_HEAD + "        migrations.AlterField(\n"
        f'            model_name="order",\n            name="{column}",\n'
        f"            field={field},\n        ),\n    ]\n"
    )


def test_django_primary_key_swap_and_new_unique_field_are_hazards() -> None:
    config = RepoConfig(llm=False, deploy="rolling", large_tables=["order", "shop_order"])
    pk = _alter("models.BigAutoField(primary_key=True, serialize=False)", "id")
    found = _review(added_file("shop/migrations/0002_order_bigint.py", pk), config=config)
    swap = [f for f in found if f.rule == "migration-column-type-change"]
    assert [f.line for f in swap] == [8] and swap[0].severity is Severity.HIGH
    assert "Primary key" in swap[0].title

    unique = _alter("models.CharField(max_length=20, unique=True)", "code")
    path = "shop/migrations/0002_order_code_unique.py"
    initial = {"shop/migrations/0001_initial.py": DJANGO_INITIAL.format(unique="")}
    found = _review(added_file(path, unique), config=config, schema={**initial, path: unique})
    assert ("migration-constraint-validating", 8) in _rules(found)


def test_alter_field_that_only_restates_unique_is_not_flagged() -> None:
    unique = _alter("models.CharField(max_length=20, unique=True)", "code")
    path = "shop/migrations/0002_order_code_length.py"
    initial = {"shop/migrations/0001_initial.py": DJANGO_INITIAL.format(unique=", unique=True")}
    found = _review(added_file(path, unique), schema={**initial, path: unique})
    assert "migration-constraint-validating" not in [r for r, _ in _rules(found)]


def test_sequelize_primary_key_constraint_is_a_locking_hazard() -> None:
    text = (
        "module.exports = {\n  async up(queryInterface) {\n"
        '    await queryInterface.addConstraint("events", {\n'
        '      fields: ["id"],\n      type: "primary key",\n      name: "events_pkey",\n'
        "    });\n  },\n};\n"
    )
    config = RepoConfig(llm=False, deploy="rolling", large_tables=["events"])
    found = _review(added_file("server/migrations/20240101-events-pk.js", text), config=config)
    hits = [f for f in found if f.rule == "migration-constraint-validating"]
    assert [f.line for f in hits] == [3] and "Primary key" in hits[0].title


GO_STEPS = (
    'package database\n\nimport "database/sql"\n\n'
    "var migrations = [...]func(tx *sql.Tx) error{\n"
    "\tfunc(tx *sql.Tx) (err error) {\n"
    "\t\t_, err = tx.Exec(`CREATE INDEX entries_feed ON entries (feed_id)`)\n"
    "\t\treturn err\n\t},\n{new}}\n"
)


def test_go_step_edited_in_place_already_ran_and_an_appended_step_is_new() -> None:
    from rule_helpers import unified_diff

    from bot.pipeline import review_diff

    path = "internal/database/migrations.go"
    old = GO_STEPS.replace("{new}", "")
    edited = old.replace("(feed_id)", "(feed_id, id)")
    # `entries` listed as large: a new build on it is a comment, an old one is not.
    large = RepoConfig(llm=False, large_tables=["entries"])
    found = review_diff(unified_diff(path, old, edited), large).findings
    index = [f for f in found if f.rule in ("go-create-index-blocking", "index-build-blocking")]
    assert index and all(f.severity is Severity.INFO for f in index)
    step = (
        "\tfunc(tx *sql.Tx) (err error) {\n"
        "\t\t_, err = tx.Exec(`CREATE INDEX entries_user ON entries (user_id)`)\n"
        "\t\treturn err\n\t},\n"
    )
    appended = GO_STEPS.replace("{new}", step)
    found = review_diff(unified_diff(path, old, appended), large).findings
    index = [f for f in found if f.rule in ("go-create-index-blocking", "index-build-blocking")]
    assert [f.line for f in index] == [11] and index[0].severity is Severity.HIGH


def test_int_key_matching_the_referenced_int_key_is_not_a_bigint_finding() -> None:
    schema = {"migrations/0001_init/up.sql": "CREATE TABLE person (id serial PRIMARY KEY);\n"}
    sql = (
        "CREATE TABLE post (\n  id bigint PRIMARY KEY,\n"
        "  creator_id int NOT NULL REFERENCES person (id),\n"
        "  person_id integer,\n  editor_id integer\n);\n"
    )
    rules = _rules(_review(added_file("migrations/0002_post/up.sql", sql), schema=schema))
    # creator_id and person_id must match person.id (serial); editor_id points nowhere known.
    assert [r for r in rules if r[0] == "pg-prefer-bigint"] == [("pg-prefer-bigint", 5)]


def test_rollback_file_of_a_plain_sql_folder_is_not_a_deploy_hazard() -> None:
    down = "ALTER TABLE post DROP COLUMN summary;\nALTER TABLE post RENAME COLUMN a TO b;\n"
    up = "ALTER TABLE post DROP COLUMN legacy;\n"
    rules = _rules(
        _review(
            added_file("migrations/2026-01-01-000000_post/down.sql", down),
            added_file("migrations/2026-01-01-000000_post/up.sql", up),
        )
    )
    assert ("migration-drop-or-rename", 1) in rules
    assert _review(added_file("migrations/x/down.sql", down)) == []


def test_index_restated_by_another_file_of_the_change_is_not_redundant() -> None:
    # A migration and the schema snapshot regenerated with it declare one index twice.
    migration = (
        "CREATE TABLE tag (id bigint PRIMARY KEY, name text);\n"
        "CREATE UNIQUE INDEX tag_name ON tag (name);\n"
    )
    snapshot = "CREATE TABLE tag (\n  id bigint PRIMARY KEY,\n  name text UNIQUE\n);\n"
    rules = _rules(
        _review(
            added_file("store/migration/postgres/0.2/01__tag.sql", migration),
            _modified("store/migration/postgres/LATEST.sql", snapshot),
        )
    )
    assert not [r for r in rules if r[0] == "redundant-index"], rules
    # Within one file the duplicate is still found.
    twice = migration + "CREATE INDEX tag_name_again ON tag (name);\n"
    rules = _rules(_review(added_file("store/migration/postgres/0.2/01__tag.sql", twice)))
    assert ("redundant-index", 3) in rules


RAILS_ASSURED = """class RemoveDates < ActiveRecord::Migration[8.0]
  def change
    safety_assured do
      remove_column :quote_versions, :start_date, :date
    end
    remove_column :quote_versions, :end_date, :date
  end
end
"""


def test_statement_in_safety_assured_goes_to_the_summary() -> None:
    findings = _review(
        added_file("db/migrate/20260101000000_remove_dates.rb", RAILS_ASSURED),
        _code_change("app/models/quote_version.rb", "  validates :start_date, :end_date"),
    )
    by_line = {(f.rule, f.line): f for f in findings}
    assured = by_line[("migration-drop-or-rename", 4)]
    assert assured.severity is Severity.INFO and "safety_assured" in assured.body
    assert by_line[("migration-drop-or-rename", 6)].severity is not Severity.INFO


SQL_ASSURED = """-- safety-assured:start
-- The column is no longer read or written.
ALTER TABLE users DROP COLUMN gh_token;
-- safety-assured:end
ALTER TABLE users DROP COLUMN gh_login;
"""


def test_statement_between_sql_safety_assured_comments_goes_to_the_summary() -> None:
    findings = _review(
        added_file("migrations/2026-07-15-182934-0000_drop_users_gh_token/up.sql", SQL_ASSURED),
        _code_change("src/models/user.rs", "    pub gh_token: String, pub gh_login: String,"),
    )
    by_line = {(f.rule, f.line): f for f in findings if f.rule == "migration-drop-or-rename"}
    assert by_line[("migration-drop-or-rename", 3)].severity is Severity.INFO
    assert "safety-assured" in by_line[("migration-drop-or-rename", 3)].body
    assert by_line[("migration-drop-or-rename", 5)].severity is not Severity.INFO


DJANGO_AFTER_DEPLOY = """from django.db import migrations
from django_safemigrate import Safe


class Migration(migrations.Migration):
    safe = Safe.after_deploy()

    dependencies = [("projects", "0167_alter_project_has_valid_clone")]

    operations = [
        migrations.RemoveField(
            model_name="project",
            name="has_valid_clone",
        ),
    ]
"""


def test_drop_in_a_migration_run_after_deploy_goes_to_the_summary() -> None:
    path = "readthedocs/projects/migrations/0168_remove_has_valid_clone.py"
    found = [
        f
        for f in _review(added_file(path, DJANGO_AFTER_DEPLOY))
        if f.rule == "migration-drop-or-rename"
    ]
    assert [f.severity for f in found] == [Severity.INFO]
    assert "Safe.after_deploy" in found[0].body
    before = DJANGO_AFTER_DEPLOY.replace("Safe.after_deploy()", "Safe.before_deploy()")
    model = _code_change("readthedocs/projects/models.py", "    has_valid_clone = True")
    found = [
        f for f in _review(added_file(path, before), model) if f.rule == "migration-drop-or-rename"
    ]
    assert [f.severity for f in found] == [Severity.MEDIUM]


CONNECTORS_REBUILD = """-- Connectors table is not being used so can be dropped and recreated
-- without worrying about a migration
DROP TABLE IF EXISTS connectors;

CREATE TABLE connectors (
    connector_id SERIAL PRIMARY KEY,
    connector_identifier TEXT NOT NULL,
    connector_space_id INTEGER NOT NULL,
    connector_created INTEGER NOT NULL
);
"""


def test_table_dropped_and_created_again_is_a_rebuild() -> None:
    path = "app/store/database/migrate/postgres/0074_create_table_connectors.up.sql"
    found = [
        f
        for f in _review(added_file(path, CONNECTORS_REBUILD))
        if f.rule == "migration-drop-or-rename"
    ]
    assert [f.severity for f in found] == [Severity.INFO] and "rebuild" in found[0].body
    gone = CONNECTORS_REBUILD.split("CREATE TABLE")[0]
    store = _code_change("app/store/database/connector.go", 'const table = "connectors"')
    found = [
        f for f in _review(added_file(path, gone), store) if f.rule == "migration-drop-or-rename"
    ]
    assert found and found[0].severity is not Severity.INFO


def test_queries_in_backfill_jobs_seeds_and_factories_need_no_index() -> None:
    # Code that fills or fixes data once (a backfill job, seed data, a test-data factory)
    # is like a data migration: the scan runs once, an index for it would outlive it.
    query = APP_QUERY.replace("VotesController", "Backfill")
    for path in (
        "app/jobs/backfills/vote_backfill_job.rb",
        "db/seeds/votes.rb",
        "db/seeds.rb",
        "spec/support/factories/votes.rb",
        "app/factories/votes.rb",
    ):
        found = _review(added_file(path, query), schema=SCHEMA)
        assert "query-on-unindexed-column" not in [f.rule for f in found], path
    # A model named after seeds is application code.
    found = _review(added_file("app/models/seed_bank.rb", query), schema=SCHEMA)
    assert "query-on-unindexed-column" in [f.rule for f in found]


def test_index_advice_on_a_schema_dump_outside_the_migrations_is_not_repeated() -> None:
    # A regenerated dump (`<name>_schema.sql`, `schema/<name>.sql`) restates the indexes
    # the migrations built, line by line; a migration of the same shape is still read.
    ddl = (
        "CREATE TABLE logentry (id integer PRIMARY KEY, account_id integer, at timestamp);\n"
        "CREATE INDEX logentry_account_id ON logentry (account_id);\n"
        "CREATE INDEX logentry_account_id_at ON logentry (account_id, at);\n"
    )
    for path in ("internal/store/sqlite/app_schema.sql", "sql/schema/core.sql"):
        rules = _rules(_review(added_file(path, ddl)))
        assert not [r for r in rules if r[0] == "redundant-index"], (path, rules)
    rules = _rules(_review(added_file("internal/store/migrations/0007_logentry.sql", ddl)))
    assert ("redundant-index", 2) in rules


REWRITTEN_DIFF = """diff --git a/db/migrate/20170418_initial.rb b/db/migrate/20170418_initial.rb
--- a/db/migrate/20170418_initial.rb
+++ b/db/migrate/20170418_initial.rb
@@ -1,6 +1,6 @@
 class InitialSchema < ActiveRecord::Migration[5.0]
   def up
-    create_table "queued_messages", :force => :cascade do |t|
-      t.datetime "locked_at"
+    create_table "queued_messages", force: :cascade do |t|
+      t.datetime "locked_at"
     end
   end
diff --git a/app/jobs/unlock_job.rb b/app/jobs/unlock_job.rb
--- a/app/jobs/unlock_job.rb
+++ b/app/jobs/unlock_job.rb
@@ -1,5 +1,5 @@
 class UnlockJob < ApplicationJob
   def perform
-    QueuedMessage.where('locked_at < ?', 1.hour.ago).update_all(:locked_at => nil)
+    QueuedMessage.where("locked_at < ?", 1.hour.ago).update_all(locked_at: nil)
   end
 end
"""


def test_a_formatter_pass_adds_no_column_and_no_query() -> None:
    # `rubocop -a` over an old migration and a job rewrites lines, it adds nothing: the
    # column was declared before and the query ran before.
    files = parse_diff(REWRITTEN_DIFF)
    found = [f for f in _review(*files) if "index" in f.rule]
    assert found == [], found
    # The same query as new code next to a column the change does add is still reported.
    new_column = REWRITTEN_DIFF.replace('-      t.datetime "locked_at"\n', "").replace(
        "@@ -1,6 +1,6 @@", "@@ -1,5 +1,6 @@", 1
    )
    added = parse_diff(new_column)
    assert "query-on-unindexed-column" in [f.rule for f in _review(*added)]


RAKE_LOOP = """namespace :works do
  task import_urls: :environment do
    Work.where(imported: true).each do |work|
      puts work.external_urls.count
    end
  end
end
"""


def test_n_plus_one_in_a_rake_task_goes_to_the_summary() -> None:
    # The rule is summary-only by default; a team that wants it inline says so.
    config = RepoConfig(
        llm=False, rules=RulesConfig(severity={"n-plus-one-query": Severity.MEDIUM})
    )
    task = review_files([added_file("lib/tasks/work_import_urls.rake", RAKE_LOOP)], config)
    (finding,) = [f for f in task.findings if f.rule == "n-plus-one-query"]
    assert finding.severity is Severity.INFO and "Rake task" in finding.body
    # The same loop in a controller answers a request: it stays a comment.
    action = review_files([added_file("app/controllers/works_controller.rb", RAKE_LOOP)], config)
    assert [
        f
        for f in action.findings
        if f.rule == "n-plus-one-query" and f.severity is not Severity.INFO
    ]


def test_n_plus_one_in_a_file_named_for_a_backfill_is_one_off() -> None:
    config = RepoConfig(llm=False, deploy="rolling")
    job = review_files([added_file("app/jobs/audits_backfill_job.rb", RAKE_LOOP)], config)
    assert not [f for f in job.findings if f.rule == "n-plus-one-query"]
    other = review_files([added_file("app/jobs/audits_job.rb", RAKE_LOOP)], config)
    assert [f for f in other.findings if f.rule == "n-plus-one-query"]


SIGNAL_LOOP = """from app.models import Locale, ProjectLocale


def sync_locales(project, codes):
    for locale in Locale.objects.filter(code__in=codes):
        # The post_save signals sent here keep the permissions in step.
        ProjectLocale.objects.get_or_create(project=project, locale=locale)
"""


def test_n_plus_one_whose_comment_gives_the_per_row_reason_goes_to_the_summary() -> None:
    # The rule is summary-only by default; a team that wants it inline says so.
    config = RepoConfig(
        llm=False, rules=RulesConfig(severity={"n-plus-one-query": Severity.MEDIUM})
    )
    explained = review_files([added_file("app/sync.py", SIGNAL_LOOP)], config)
    (finding,) = [f for f in explained.findings if f.rule == "n-plus-one-query"]
    assert finding.severity is Severity.INFO and "once per row" in finding.body
    # A comment that says what the line does, not why per row: still a comment inline.
    plain = SIGNAL_LOOP.replace(
        "The post_save signals sent here keep the permissions in step.", "Link each locale."
    )
    said = review_files([added_file("app/sync.py", plain)], config)
    assert [
        f for f in said.findings if f.rule == "n-plus-one-query" and f.severity is not Severity.INFO
    ]


def test_n_plus_one_is_a_summary_line_by_default() -> None:
    action = review_files(
        [added_file("app/controllers/works_controller.rb", RAKE_LOOP)], RepoConfig(llm=False)
    )
    found = [f for f in action.findings if f.rule == "n-plus-one-query"]
    assert found and all(f.severity is Severity.INFO for f in found)

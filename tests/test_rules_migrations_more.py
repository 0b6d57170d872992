"""Framework migration and ORM index rules over whole new files and over real diffs."""

from __future__ import annotations

import ast

import pytest
from rule_helpers import fixture_cases, review_change, review_new, selected

from bot.diff import added_file
from bot.models import Finding
from bot.rules.engine import registry, run_rules
from bot.rules.migrations_frameworks import FrameworkMigrations
from bot.rules.orm_indexes import OrmIndexes
from bot.select import select_backend

ALEMBIC = "alembic/versions/3f2a1c_orders.py"
RAILS = "db/migrate/20240601090000_change_orders.rb"
KNEX = "db/migrations/20240601090000_orders.js"
TYPEORM = "src/migrations/1717232400000-Orders.ts"
LARAVEL = "database/migrations/2024_06_01_090000_change_orders.php"
DJANGO = "shop/migrations/0043_order_changes.py"


def lines(findings: list[Finding]) -> list[int]:
    return sorted(f.line for f in findings)


ALEMBIC_OLD = (
    "import sqlalchemy as sa\nfrom alembic import op\n\n\ndef upgrade():\n"
    '    op.drop_column("orders", "legacy")\n'
    '    op.add_column("orders", sa.Column("note", sa.Text()))\n'
    "\n\ndef downgrade():\n"
    '    op.drop_column("orders", "note")\n'
)


def test_alembic_index_suggestion_adds_the_option_and_still_parses() -> None:
    code = ALEMBIC_OLD.replace(
        "    op.add_column",
        '    op.create_index("ix_orders_ref", "orders", ["ref"])\n    op.add_column',
    )
    (finding,) = review_new(ALEMBIC, code, "alembic-create-index-blocking")
    assert finding.line == 7
    assert finding.suggestion is not None
    assert "postgresql_concurrently=True" in finding.suggestion
    rows = code.split("\n")
    rows[finding.line - 1] = finding.suggestion
    ast.parse("\n".join(rows))
    assert "autocommit_block" in finding.body


def test_drop_in_a_diff_reports_only_the_added_line_and_not_downgrade() -> None:
    new = ALEMBIC_OLD.replace(
        '    op.add_column("orders", sa.Column("note", sa.Text()))\n',
        '    op.add_column("orders", sa.Column("note", sa.Text()))\n'
        '    op.drop_column("orders", "ref")\n',
    )
    # line 6 (pre-existing drop) is context; line 11 (downgrade) is not the upgrade
    assert lines(review_change(ALEMBIC, ALEMBIC_OLD, new, "migration-drop-or-rename")) == [8]


RAILS_OLD = (
    "class ChangeOrders < ActiveRecord::Migration[7.1]\n  def change\n"
    "    add_column :orders, :note, :string\n  end\nend\n"
)


def test_rails_rules_on_a_diff() -> None:
    new = RAILS_OLD.replace(
        "    add_column :orders, :note, :string\n",
        "    add_column :orders, :note, :string\n"
        "    add_column :orders, :region, :string, null: false\n"
        "    add_foreign_key :orders, :users\n",
    )
    assert lines(review_change(RAILS, RAILS_OLD, new, "migration-not-null-column")) == [4]
    assert lines(review_change(RAILS, RAILS_OLD, new, "migration-constraint-validating")) == [5]


def test_rails_force_table_in_schema_rb_is_not_a_migration() -> None:
    code = (
        "ActiveRecord::Schema[7.1].define(version: 1) do\n"
        '  create_table "orders", force: :cascade do |t|\n  end\nend\n'
    )
    assert review_new("db/schema.rb", code, "rails-create-table-force") == []


def test_knex_and_typeorm_and_laravel() -> None:
    knex = (
        "exports.up = async function (knex) {\n"
        '  await knex.schema.alterTable("orders", (table) => {\n'
        '    table.unique(["ref"]);\n    table.dropColumn("legacy");\n  });\n};\n'
    )
    assert lines(review_new(KNEX, knex, "js-migration-index-blocking")) == [3]
    assert lines(review_new(KNEX, knex, "migration-drop-or-rename")) == [4]
    typeorm = (
        'import { MigrationInterface, QueryRunner } from "typeorm";\n\n'
        "export class Orders1 implements MigrationInterface {\n"
        "  public async up(queryRunner: QueryRunner): Promise<void> {\n"
        '    await queryRunner.query(`CREATE TABLE "carts" ("id" bigint)`);\n'
        '    await queryRunner.query(`CREATE INDEX "IDX_c" ON "carts" ("id")`);\n'
        '    await queryRunner.query(`ALTER TABLE "orders" ALTER COLUMN "a" SET NOT NULL`);\n'
        "  }\n}\n"
    )
    assert review_new(TYPEORM, typeorm, "js-migration-index-blocking") == []
    assert lines(review_new(TYPEORM, typeorm, "migration-not-null-column")) == [7]
    laravel = (
        "<?php\nreturn new class extends Migration {\n    public function up(): void {\n"
        "        Schema::dropIfExists('legacy_orders');\n    }\n"
        "    public function down(): void {\n        Schema::drop('orders');\n    }\n};\n"
    )
    assert lines(review_new(LARAVEL, laravel, "migration-drop-or-rename")) == [4]


def test_django_state_only_operations_are_not_drops() -> None:
    code = (
        "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n"
        "    operations = [\n        migrations.SeparateDatabaseAndState(\n"
        '            state_operations=[migrations.RemoveField("order", "legacy")],\n'
        "        ),\n    ]\n"
    )
    assert review_new(DJANGO, code, "migration-drop-or-rename") == []


def test_fk_without_index_on_a_prisma_diff_reports_only_the_new_relation() -> None:
    old = (
        "model Order {\n  id     Int  @id\n  userId Int\n"
        "  user   User @relation(fields: [userId], references: [id])\n}\n"
    )
    new = old.replace(
        "}\n",
        "  shopId Int\n  shop   Shop @relation(fields: [shopId], references: [id])\n}\n",
    )
    assert lines(review_change("prisma/schema.prisma", old, new, "fk-without-index")) == [6]


def test_sqlalchemy_fk_in_a_non_model_file_is_ignored() -> None:
    code = 'user_id = Column(ForeignKey("users.id"))\n'
    run = run_rules(
        selected([added_file("app/services/report.py", code)]), only=["fk-without-index"]
    )
    assert run.findings == []


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (ALEMBIC, "def upgrade(:\n    op.create_index(\n"),
        (RAILS, "add_column :orders,, null: false\n"),
        (KNEX, "exports.up = (knex) => knex.schema.alterTable(`${x}`, (t) => { t.index(\n"),
        (TYPEORM, "\x00\x01 queryRunner.query(`ALTER TABLE"),
        (LARAVEL, "<?php Schema::table('x', function ($t) { $t->index(\n"),
        (DJANGO, "migrations.AddField(\n"),
        ("prisma/schema.prisma", "model { @relation(fields: [\n"),
        ("internal/models/x.go", 'type X struct {\n\tUserID uint `gorm:"foreignKey:\n'),
        ("db/migrations/0001.sql", "CREATE INDEX ON t ((lower(a)), b, c, d, e);\n"),
    ],
)
def test_odd_input_never_raises(path: str, code: str) -> None:
    file = added_file(path, code)
    kept, _ = select_backend([file])
    for check in (FrameworkMigrations(), OrmIndexes()):
        for candidate in kept:
            if check.wants(candidate):
                list(check.check_file(candidate))


def test_every_new_rule_is_registered_once_with_cases() -> None:
    reg = registry()
    for rule_id in (
        "alembic-create-index-blocking",
        "js-migration-index-blocking",
        "laravel-index-blocking",
        "concurrent-index-in-transaction",
        "migration-constraint-validating",
        "migration-not-null-column",
        "migration-column-rewrite",
        "migration-column-type-change",
        "migration-drop-or-rename",
        "migration-backfill-with-ddl",
        "migration-irreversible",
        "enum-value-used-in-transaction",
        "rails-create-table-force",
        "fk-without-index",
        "index-too-wide-or-duplicate",
    ):
        positive, negative = fixture_cases(rule_id)
        assert positive and negative and reg.declared[rule_id].languages


def test_prefix_index_on_a_table_the_migration_creates_is_inline() -> None:
    """Among a new table's new indexes, one that is the left prefix of another is a comment;
    the same pair on a table restated with IF NOT EXISTS (a baseline) stays in the summary."""
    from bot.diff import added_file
    from bot.models import Severity
    from tests.rule_helpers import fixture_case, run_rule

    case = fixture_case("redundant-index", "sql-5.sql")
    found = run_rule([added_file(case.path, case.code)], "redundant-index")
    assert [(f.line, f.severity) for f in found] == [(case.lines[0], Severity.LOW)]
    restated = case.code.replace(
        'CREATE TABLE "AgentSkill"', 'CREATE TABLE IF NOT EXISTS "AgentSkill"'
    )
    found = run_rule([added_file(case.path, restated)], "redundant-index")
    assert [(f.line, f.severity) for f in found] == [(case.lines[0], Severity.INFO)]


_ALEMBIC_PAIR = '''"""add sync state"""
import sqlalchemy as sa
from alembic import op

revision = "119a52b73c60"
down_revision = "0f1e2d3c4b5a"


def upgrade():
    op.add_column("documents", sa.Column("sync_state", sa.TEXT(), nullable=True))
    op.add_column("documents", sa.Column("last_sync_at", sa.DateTime(), nullable=True))
    op.create_index("ix_documents_sync_state", "documents", ["sync_state"])
    op.create_index(
        "ix_documents_sync_state_last_sync_at", "documents", ["sync_state", "last_sync_at"]
    )
'''


def test_prefix_pair_both_new_in_an_added_migration_is_inline() -> None:
    """Two indexes a new migration builds on an existing table, one the left prefix of the
    other: deleting a line drops it before it ships, so it is a comment. The same pair in a
    baseline (restating what installs have) or an edited old migration stays in the summary."""
    from bot.diff import added_file
    from bot.models import Severity
    from tests.rule_helpers import review_change, run_rule

    path = "migrations/versions/119a52b73c60_add_sync_state.py"
    found = run_rule([added_file(path, _ALEMBIC_PAIR)], "redundant-index")
    assert [(f.line, f.severity) for f in found] == [(12, Severity.LOW)]
    assert "Both indexes on `documents` are new in this migration" in found[0].body
    baseline = "migrations/versions/0000_baseline.py"
    found = run_rule([added_file(baseline, _ALEMBIC_PAIR)], "redundant-index")
    assert [(f.line, f.severity) for f in found] == [(12, Severity.INFO)]
    old = _ALEMBIC_PAIR.replace(
        '    op.create_index("ix_documents_sync_state", "documents", ["sync_state"])\n', ""
    )
    found = review_change(path, old, _ALEMBIC_PAIR, "redundant-index")
    assert [(f.line, f.severity) for f in found] == [(12, Severity.INFO)]


_PK_PREFIX_SQL = """CREATE TABLE person_warning (
    person_id INT NOT NULL,
    warning_id INT NOT NULL,
    PRIMARY KEY (person_id, warning_id)
);
CREATE INDEX idx_person_warning_person_id ON person_warning (person_id);
"""


def test_prefix_of_the_primary_key_in_a_baseline_goes_to_the_summary() -> None:
    """A new migration declaring an index that leads the primary key it also declares is a
    comment; the same two lines in a baseline (a dev container's init script) restate a
    schema, so the finding is a summary line."""
    from bot.diff import added_file
    from bot.models import Severity
    from tests.rule_helpers import run_rule

    new = "migrations/20260820150804_person_warning.sql"
    found = run_rule([added_file(new, _PK_PREFIX_SQL)], "redundant-index")
    assert [(f.line, f.severity) for f in found] == [(6, Severity.LOW)]
    found = run_rule([added_file("migrations/1_baseline.sql", _PK_PREFIX_SQL)], "redundant-index")
    assert [(f.line, f.severity) for f in found] == [(6, Severity.INFO)]
    assert "restates a schema" in found[0].body


def test_rails_index_options_on_their_own_lines_are_read() -> None:
    """`unique: true` and `where:` on the lines after `add_index`: the longer index is
    partial, so the full one beside it is no duplicate."""
    from bot.diff import added_file
    from tests.rule_helpers import run_rule

    code = """class CreateWalletAccounts < ActiveRecord::Migration[7.2]
  def change
    add_index :wallet_accounts, [ :item_id, :chain ],
              name: "index_wallet_accounts_on_item"
    add_index :wallet_accounts,
              [ :item_id, :chain, :contract ],
              unique: true,
              where: "kind = 'erc20'"
  end
end
"""
    path = "db/migrate/20260818120000_create_wallet_accounts.rb"
    assert run_rule([added_file(path, code)], "redundant-index") == []


def test_a_goose_down_section_does_not_make_a_migration_a_rebuild() -> None:
    """The pair of new indexes in a goose migration is a comment even though its Down
    section drops the table."""
    from bot.diff import added_file
    from bot.models import Severity
    from tests.rule_helpers import run_rule

    code = """-- +goose Up
CREATE INDEX idx_item_project ON item (project_id);
CREATE INDEX idx_item_project_key ON item (project_id, item_key);

-- +goose Down
DROP TABLE IF EXISTS item;
"""
    path = "internal/db/migrations/20250814000737_item_indexes.sql"
    found = run_rule([added_file(path, code)], "redundant-index")
    assert [(f.line, f.severity) for f in found] == [(2, Severity.LOW)]

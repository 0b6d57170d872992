"""Index builds in framework migrations that lock a PostgreSQL table for writes.

Rails `add_index` without `algorithm: :concurrently` and Django `AddIndex` (rather
than `AddIndexConcurrently`) both emit a plain `CREATE INDEX`, which holds a SHARE
lock for the whole build. An index on a table the same migration creates is
harmless (the table is empty and nobody writes to it yet), so those are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ast_grep_py import Config, SgNode

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.astgrep import line_prefix_suffix, lines, replacement_parses, root_of
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.select import language_of

RAILS_ID = "rails-add-index-blocking"
DJANGO_ID = "django-add-index-blocking"

_RAILS_PATH = re.compile(r"(^|/)db/migrate/[^/]+\.rb$")
_DJANGO_PATH = re.compile(r"(^|/)migrations/\d{4}_\w+\.py$")

_RAILS_HINT = re.compile(r"\b(add_index|add_reference|add_belongs_to)\b")
_DJANGO_HINT = re.compile(r"\bAddIndex\b|\bAddField\b")
_ADD_INDEX: Config = {"rule": {"kind": "call", "has": {"field": "method", "regex": "^add_index$"}}}
# `add_reference` builds an index on the new column unless told `index: false`.
_ADD_REFERENCE: Config = {
    "rule": {"kind": "call", "has": {"field": "method", "regex": "^add_(reference|belongs_to)$"}}
}
_INDEX_OFF = re.compile(r"\bindex:\s*false\b")
_CONCURRENT = re.compile(r"algorithm:\s*:concurrently\b")
_CREATE_TABLE: Config = {
    "rule": {"kind": "call", "has": {"field": "method", "regex": "^create_table$"}}
}
_DJANGO_ADD_INDEX: Config = {
    "rule": {
        "kind": "call",
        "has": {
            "field": "function",
            "any": [
                {"kind": "identifier", "regex": "^AddIndex$"},
                {"kind": "attribute", "regex": r"\.AddIndex$"},
            ],
        },
    }
}
_DJANGO_ADD_FIELD: Config = {
    "rule": {
        "kind": "call",
        "has": {
            "field": "function",
            "any": [
                {"kind": "identifier", "regex": "^AddField$"},
                {"kind": "attribute", "regex": r"\.AddField$"},
            ],
        },
    }
}
# A `ForeignKey`/`OneToOneField` gets an index unless `db_index=False` (Django).
_DJANGO_FK = re.compile(r"\b(ForeignKey|OneToOneField)\(")
_DB_INDEX_OFF = re.compile(r"\bdb_index\s*=\s*False\b")
_DJANGO_CREATE_MODEL: Config = {
    "rule": {
        "kind": "call",
        "has": {
            "field": "function",
            "any": [
                {"kind": "identifier", "regex": "^CreateModel$"},
                {"kind": "attribute", "regex": r"\.CreateModel$"},
            ],
        },
    }
}
_CONCURRENTLY_IMPORT = re.compile(
    r"from\s+django\.contrib\.postgres\.operations\s+import\s[^\n]*\bAddIndexConcurrently\b"
)
_ATOMIC_FALSE = re.compile(r"^[ \t]*atomic\s*=\s*False\b", re.MULTILINE)


def _literal(node: SgNode | None) -> str | None:
    """The value of a symbol or plain string literal (`:users`, `"users"`), else None."""
    if node is None:
        return None
    kind = node.kind()
    if kind == "simple_symbol":
        return node.text().lstrip(":")
    if kind == "string":
        if node.find(kind="interpolation"):
            return None
        return "".join(part.text() for part in node.find_all(kind="string_content"))
    return None


# --- Rails -----------------------------------------------------------------------


def _args(call: SgNode) -> list[SgNode]:
    arguments = call.field("arguments")
    return arguments.named_children() if arguments is not None else []


def _pair_keys(call: SgNode) -> set[str]:
    keys: set[str] = set()
    for arg in _args(call):
        pairs = [arg] if arg.kind() == "pair" else arg.find_all(kind="pair")
        for pair in pairs:
            key = pair.field("key")
            if key is not None:
                keys.add(key.text().lstrip(":").rstrip(":").strip("'\""))
    return keys


def _first_literal(call: SgNode) -> str | None:
    args = _args(call)
    return _literal(args[0]) if args else None


def _rails_suggestion(text: str, call: SgNode) -> str | None:
    """The call's line with `, algorithm: :concurrently` after the last argument."""
    around = line_prefix_suffix(text, call)
    arguments = call.field("arguments")
    args = _args(call)
    if around is None or arguments is None or not args or args[-1].kind() == "hash":
        return None
    prefix, suffix = around
    body = call.text()
    closing = ")" if arguments.text().endswith(")") else ""
    body = body[: len(body) - len(closing)].rstrip() + ", algorithm: :concurrently" + closing
    line = lines(call)[0]
    suggestion = prefix + body + suffix
    if not replacement_parses(text, line, line, suggestion, "ruby"):
        return None
    return suggestion


def _rails_hits(file: ChangedFile) -> list[Hit]:
    root = root_of(file, _RAILS_HINT)
    if root is None:
        return []
    text = file.visible_text()
    created = {_first_literal(call) for call in root.find_all(_CREATE_TABLE)} - {None}
    no_transaction_off = "disable_ddl_transaction!" not in text
    hits: list[Hit] = []
    for call in root.find_all(_ADD_INDEX):
        if "algorithm" in _pair_keys(call):
            continue  # the author chose how to build it (`:concurrently`, or MySQL's `:inplace`)
        table = _first_literal(call)
        if table is not None and table in created:
            continue
        first, last = lines(call)
        detail = (
            "Also add `disable_ddl_transaction!` to this migration class: a concurrent "
            "index cannot be built inside the transaction Rails wraps migrations in."
            if no_transaction_off
            else None
        )
        hits.append(
            Hit(
                rule=RAILS_ID,
                path=file.path,
                line=first,
                end_line=last,
                detail=detail,
                suggestion=_rails_suggestion(text, call),
                title=f"`add_index` on `{table or '…'}` without `algorithm: :concurrently` "
                "locks writes",
            )
        )
    for call in root.find_all(_ADD_REFERENCE):
        table = _first_literal(call)
        if table is not None and table in created:
            continue
        if _INDEX_OFF.search(call.text()) or _CONCURRENT.search(call.text()):
            continue
        first, last = lines(call)
        hits.append(
            Hit(
                rule=RAILS_ID,
                path=file.path,
                line=first,
                end_line=last,
                detail="Pass `index: { algorithm: :concurrently }` (with "
                "`disable_ddl_transaction!`), or `index: false` and add the index in its "
                "own migration.",
                title=f"`{_method(call)}` on `{table or '…'}` builds its index with writes locked",
            )
        )
    return hits


def _method(call: SgNode) -> str:
    method = call.field("method")
    return method.text() if method is not None else "add_reference"


# --- Django ----------------------------------------------------------------------


def _keyword(call: SgNode, name: str) -> SgNode | None:
    arguments = call.field("arguments")
    if arguments is None:
        return None
    for arg in arguments.named_children():
        key = arg.field("name")
        if arg.kind() == "keyword_argument" and key is not None and key.text() == name:
            return arg.field("value")
    return None


def _django_suggestion(text: str, call: SgNode) -> str | None:
    """The callee's line with `AddIndexConcurrently` in place of `migrations.AddIndex`."""
    function = call.field("function")
    if function is None:
        return None
    around = line_prefix_suffix(text, function)
    if around is None:
        return None
    prefix, suffix = around
    suggestion = prefix + "AddIndexConcurrently" + suffix
    line = lines(function)[0]
    if not replacement_parses(text, line, line, suggestion, "python"):
        return None
    return suggestion


def _django_detail(text: str) -> str | None:
    missing = []
    if not _CONCURRENTLY_IMPORT.search(text):
        missing.append(
            "import it with `from django.contrib.postgres.operations import AddIndexConcurrently`"
        )
    if not _ATOMIC_FALSE.search(text):
        missing.append(
            "set `atomic = False` on the `Migration` class (PostgreSQL refuses "
            "`CREATE INDEX CONCURRENTLY` inside a transaction)"
        )
    if not missing:
        return None
    return "To switch: " + "; and ".join(missing) + "."


def _django_hits(file: ChangedFile) -> list[Hit]:
    root = root_of(file, _DJANGO_HINT)
    if root is None:
        return []
    text = file.visible_text()
    created = {
        name.lower()
        for call in root.find_all(_DJANGO_CREATE_MODEL)
        if (name := _literal(_keyword(call, "name"))) is not None
    }
    hits: list[Hit] = []
    for call in root.find_all(_DJANGO_ADD_INDEX):
        model = _literal(_keyword(call, "model_name"))
        if model is not None and model.lower() in created:
            continue
        function = call.field("function")
        first, _ = lines(function if function is not None else call)
        hits.append(
            Hit(
                rule=DJANGO_ID,
                path=file.path,
                line=first,
                end_line=first,
                detail=_django_detail(text),
                suggestion=_django_suggestion(text, call),
                title=f"`AddIndex` on `{model or '…'}` locks writes; use `AddIndexConcurrently`",
            )
        )
    for call in root.find_all(_DJANGO_ADD_FIELD):
        model = _literal(_keyword(call, "model_name"))
        field = _keyword(call, "field")
        if model is not None and model.lower() in created or field is None:
            continue
        if not _DJANGO_FK.search(field.text()) or _DB_INDEX_OFF.search(field.text()):
            continue
        first, _ = lines(call)
        hits.append(
            Hit(
                rule=DJANGO_ID,
                path=file.path,
                line=first,
                end_line=first,
                detail="Declare the field with `db_index=False` here and add the index with "
                "`AddIndexConcurrently` in a migration with `atomic = False`.",
                title=f"Foreign key added to `{model or '…'}` builds its index with writes locked",
            )
        )
    return hits


RAILS_RULE = Rule(
    id=RAILS_ID,
    category=Category.INDEXING,
    severity=Severity.HIGH,
    title="`add_index` without `algorithm: :concurrently` locks writes",
    rationale=(
        "On PostgreSQL, `add_index` runs a plain `CREATE INDEX`, which takes a SHARE lock "
        "on the table for the whole build: every INSERT, UPDATE and DELETE waits. On a "
        "table with millions of rows that is minutes of failed or queued writes during "
        "the deploy, and the waiting queries pile up connections until the app times out. "
        "`algorithm: :concurrently` builds the index without blocking writes; it cannot "
        "run inside a transaction, so the migration also needs `disable_ddl_transaction!` "
        "(and, being non-transactional, should hold only this kind of step)."
    ),
    fix=(
        "Add `algorithm: :concurrently` to the `add_index` call and "
        "`disable_ddl_transaction!` to the migration class. If the build can fail "
        "half-way, drop the INVALID index it leaves before retrying "
        "(`remove_index …, algorithm: :concurrently, if_exists: true`)."
    ),
    languages=("ruby",),
    positive=(
        RuleCase(
            path="db/migrate/20240501120000_add_email_index_to_users.rb",
            code=(
                "class AddEmailIndexToUsers < ActiveRecord::Migration[7.1]\n"
                "  def change\n"
                "    add_index :users, :email, unique: true\n"
                "    add_index(:orders, [:user_id, :created_at],\n"
                '              name: "index_orders_on_user_and_time")\n'
                "  end\n"
                "end\n"
            ),
            lines=(3, 4),
        ),
    ),
    negative=(
        RuleCase(
            path="db/migrate/20240501120000_add_email_index_to_users.rb",
            code=(
                "class AddEmailIndexToUsers < ActiveRecord::Migration[7.1]\n"
                "  disable_ddl_transaction!\n"
                "\n"
                "  def change\n"
                "    add_index :users, :email, unique: true, algorithm: :concurrently\n"
                "  end\n"
                "end\n"
            ),
        ),
        RuleCase(
            path="db/migrate/20240501120100_create_invoices.rb",
            code=(
                "class CreateInvoices < ActiveRecord::Migration[7.1]\n"
                "  def change\n"
                "    create_table :invoices do |t|\n"
                "      t.references :user\n"
                "      t.timestamps\n"
                "    end\n"
                "    add_index :invoices, :created_at\n"
                "  end\n"
                "end\n"
            ),
        ),
    ),
)

DJANGO_RULE = Rule(
    id=DJANGO_ID,
    category=Category.INDEXING,
    severity=Severity.HIGH,
    title="`AddIndex` locks writes; use `AddIndexConcurrently` on PostgreSQL",
    rationale=(
        "`migrations.AddIndex` runs a plain `CREATE INDEX`, which on PostgreSQL holds a "
        "SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE "
        "waits, for minutes on a large table, while requests time out and connections "
        "pile up. `AddIndexConcurrently` (from `django.contrib.postgres.operations`) "
        "builds it without blocking writes; it cannot run in a transaction, so the "
        "migration needs `atomic = False`. (On MySQL or SQLite this operation does not "
        "exist: disable the rule there.)"
    ),
    fix=(
        "Replace `migrations.AddIndex(` with `AddIndexConcurrently(`, import it from "
        "`django.contrib.postgres.operations`, and set `atomic = False` on the "
        "`Migration` class (keep other operations in a separate migration)."
    ),
    languages=("python",),
    positive=(
        RuleCase(
            path="shop/migrations/0042_order_created_idx.py",
            code=(
                "from django.db import migrations, models\n"
                "\n"
                "\n"
                "class Migration(migrations.Migration):\n"
                '    dependencies = [("shop", "0041_order_status")]\n'
                "\n"
                "    operations = [\n"
                "        migrations.AddIndex(\n"
                '            model_name="order",\n'
                '            index=models.Index(fields=["created_at"], name="order_created_idx"),\n'
                "        ),\n"
                "    ]\n"
            ),
            lines=(8,),
        ),
    ),
    negative=(
        RuleCase(
            path="shop/migrations/0042_order_created_idx.py",
            code=(
                "from django.contrib.postgres.operations import AddIndexConcurrently\n"
                "from django.db import migrations, models\n"
                "\n"
                "\n"
                "class Migration(migrations.Migration):\n"
                "    atomic = False\n"
                '    dependencies = [("shop", "0041_order_status")]\n'
                "\n"
                "    operations = [\n"
                "        AddIndexConcurrently(\n"
                '            model_name="order",\n'
                '            index=models.Index(fields=["created_at"], name="order_created_idx"),\n'
                "        ),\n"
                "    ]\n"
            ),
        ),
        RuleCase(
            path="shop/migrations/0001_initial.py",
            code=(
                "from django.db import migrations, models\n"
                "\n"
                "\n"
                "class Migration(migrations.Migration):\n"
                "    initial = True\n"
                "    operations = [\n"
                "        migrations.CreateModel(\n"
                '            name="Order",\n'
                '            fields=[("id", models.BigAutoField(primary_key=True))],\n'
                "        ),\n"
                "        migrations.AddIndex(\n"
                '            model_name="order",\n'
                '            index=models.Index(fields=["id"], name="order_id_idx"),\n'
                "        ),\n"
                "    ]\n"
            ),
        ),
    ),
)


class RailsAddIndex(Check):
    name = "ast-grep:rails-add-index"
    rules = (RAILS_RULE,)
    languages = frozenset({"ruby"})
    kinds = frozenset({FileKind.MIGRATION})

    def wants(self, file: ChangedFile) -> bool:
        return super().wants(file) and bool(_RAILS_PATH.search(file.path))

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return _rails_hits(file)


class DjangoAddIndex(Check):
    name = "ast-grep:django-add-index"
    rules = (DJANGO_RULE,)
    languages = frozenset({"python"})
    kinds = frozenset({FileKind.MIGRATION})

    def wants(self, file: ChangedFile) -> bool:
        return super().wants(file) and bool(_DJANGO_PATH.search(file.path))

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return _django_hits(file)


CHECKS: list[Check] = [RailsAddIndex(), DjangoAddIndex()]


# --- the wider framework catalogue (issue 5: entries 19-35) ---------------------------------
#
# Detection lives in one module per language (they share `migrations_python`'s call
# view); the rules, with every language's fixtures, are assembled here so that each
# rule id is reported by exactly one check.

from bot.rules import (  # noqa: E402
    migrations_go,
    migrations_js,
    migrations_php,
    migrations_python,
    migrations_ruby,
)
from bot.rules import migrations_python as mp  # noqa: E402

_TEXTS: dict[str, tuple[Severity, str, str, str]] = {
    mp.ALEMBIC_INDEX: (
        Severity.HIGH,
        "`op.create_index` without `postgresql_concurrently=True` locks writes",
        "Alembic's `op.create_index` emits a plain `CREATE INDEX`, which holds a SHARE lock "
        "on the table for the whole build: every INSERT, UPDATE and DELETE waits, for "
        "minutes on a large table, while requests time out and connections pile up. (On "
        "MySQL or SQLite, where the option does not apply, disable this rule.)",
        "Pass `postgresql_concurrently=True` and run the call inside "
        "`with op.get_context().autocommit_block():` (PostgreSQL refuses a concurrent "
        "build inside the migration's transaction). If it fails half-way, drop the "
        "INVALID index it leaves before retrying.",
    ),
    mp.JS_INDEX: (
        Severity.HIGH,
        "Index built on an existing table in a JS/TS migration locks writes",
        "Knex's `table.index()`/`.unique()` in `alterTable`, TypeORM's `createIndex` and "
        "`CREATE INDEX` in `queryRunner.query`, and Sequelize's `addIndex` without "
        "`concurrently: true` all run a plain `CREATE INDEX` on PostgreSQL: a SHARE lock "
        "blocks every write to the table for the whole build, minutes on a large table.",
        "Build it with `CREATE INDEX CONCURRENTLY` (Knex: `knex.raw(…)` with `exports.config "
        "= { transaction: false }`; TypeORM: `queryRunner.query(…)` with `transaction = "
        "false` on the migration; Sequelize: `addIndex(…, { concurrently: true })` outside a "
        "transaction).",
    ),
    migrations_go.GO_INDEX: (
        Severity.HIGH,
        "Index built on an existing table in a Go migration locks writes",
        "`CREATE INDEX` without `CONCURRENTLY`, run from a Go migration (goose, "
        "golang-migrate, xormigrate, or a list of `func(tx *sql.Tx)` steps), holds a SHARE "
        "lock on the table for the whole build: every write waits, minutes on a large table.",
        "Run `CREATE INDEX CONCURRENTLY` outside a transaction (goose: a migration "
        "registered with `goose.AddMigrationNoTx`, or `-- +goose NO TRANSACTION` in SQL "
        "files; otherwise a separate step that does not open `tx`).",
    ),
    mp.LARAVEL_INDEX: (
        Severity.MEDIUM,
        "Index added to an existing table in a Laravel migration",
        "`$table->index()`/`->unique()` inside `Schema::table` runs a plain `CREATE INDEX`: "
        "on PostgreSQL a SHARE lock blocks every write for the whole build (minutes on a "
        "large table). On MySQL/InnoDB the build is online, which is why this is medium.",
        "On PostgreSQL, build it with `DB::statement('CREATE INDEX CONCURRENTLY …')` in a "
        "migration that sets `public $withinTransaction = false;`.",
    ),
    mp.CONCURRENT_IN_TX: (
        Severity.MEDIUM,
        "Concurrent index operation inside the migration's transaction fails",
        "PostgreSQL refuses `CREATE/DROP INDEX CONCURRENTLY` inside a transaction block, "
        "and every framework here wraps a migration in one by default (Rails, Django on "
        "PostgreSQL, Alembic, Knex, TypeORM, Laravel on PostgreSQL): the deploy stops at "
        "this migration with an error, possibly after earlier migrations already ran.",
        "Turn the transaction off for this migration only: Rails `disable_ddl_transaction!`, "
        "Django `atomic = False`, Alembic `with op.get_context().autocommit_block():`, Knex "
        "`exports.config = { transaction: false }`, TypeORM `transaction = false`, Laravel "
        "`public $withinTransaction = false;` — and keep other steps out of it.",
    ),
    mp.CONSTRAINT: (
        Severity.MEDIUM,
        "Constraint added to an existing table is validated under lock",
        "A foreign key is checked against every row while a SHARE ROW EXCLUSIVE lock blocks "
        "writes to both tables; a CHECK constraint scans every row under ACCESS EXCLUSIVE; "
        "a UNIQUE constraint builds its index under ACCESS EXCLUSIVE. On a large table each "
        "is minutes of blocked writes (and, for CHECK/UNIQUE, reads). Validating in the "
        "same transaction that adds the constraint holds the add's lock for the whole scan.",
        "Add foreign keys and CHECKs as `NOT VALID` (Rails `validate: false`; elsewhere raw "
        "SQL `… NOT VALID`), then validate in a later migration (`VALIDATE CONSTRAINT` does "
        "not block writes). For UNIQUE, build the index `CONCURRENTLY` and attach it with "
        "`ADD CONSTRAINT … UNIQUE USING INDEX`.",
    ),
    mp.NOT_NULL: (
        Severity.MEDIUM,
        "NOT NULL column added without a default, or SET NOT NULL on an existing column",
        "A `NOT NULL` column without a default fails on any table that has rows, so the "
        "deploy stops half-way; once it passes, instances still on the old code fail every "
        "INSERT that omits it. `SET NOT NULL` on an existing column scans the whole table "
        "under an ACCESS EXCLUSIVE lock: no reads or writes until every row is checked.",
        "Add the column nullable or with a constant server-side default, deploy code that "
        "writes it, backfill in batches, then enforce NOT NULL — on PostgreSQL 12+ by "
        "adding `CHECK (col IS NOT NULL) NOT VALID`, validating it, then `SET NOT NULL` "
        "(which then skips the scan).",
    ),
    mp.VOLATILE: (
        Severity.HIGH,
        "New column with a volatile default, identity or stored generated value",
        "PostgreSQL 11+ adds a column with a constant (or stable, like `now()`) default "
        "instantly, but a volatile default (`gen_random_uuid()`, `random()`, "
        "`clock_timestamp()`, `nextval()`/serial), an identity or a stored generated column "
        "rewrites every row under an ACCESS EXCLUSIVE lock: the table is unreadable and "
        "unwritable until the rewrite ends, and needs disk for a second copy. (Django's "
        "Python-side `default=uuid.uuid4` is different: computed once, it gives every "
        "existing row the same value, and a unique field then fails to migrate.)",
        "Add the column without the default, set the default for new rows, backfill "
        "existing rows in batches, then add constraints. For Django, add the field "
        "nullable, fill it per row in a separate data migration, then make it required.",
    ),
    mp.TYPE_CHANGE: (
        Severity.MEDIUM,
        "Column type changed in place",
        "Changing a column's type takes an ACCESS EXCLUSIVE lock and, for most changes "
        "(anything but widening a varchar or varchar→text), rewrites every row and rebuilds "
        "every index of the table while holding it: no reads or writes until done. "
        "Instances still on the old code may also break on the new type.",
        "Add a new column of the new type, write to both, backfill in batches, switch "
        "readers, then drop the old column in a later release.",
    ),
    mp.DROP_RENAME: (
        Severity.MEDIUM,
        "Column or table dropped or renamed: make sure no deployed code still uses it",
        "During a deploy the previous release keeps running against the migrated schema, "
        "and ORMs select every mapped column: every query of the old code that names the "
        "dropped or renamed column or table fails until the last old instance is gone. A "
        "drop also loses the data for good. (The rule cannot see your code; it asks you to "
        "check.)",
        "Expand and contract: stop reading and writing it in one release (for ORMs, mark "
        "the column ignored), drop it in a later one; for a rename, add the new name, write "
        "both, backfill, switch readers, then drop the old one.",
    ),
    mp.BACKFILL: (
        Severity.MEDIUM,
        "Data backfill runs in the same transaction as schema changes",
        "The migration's transaction keeps the ACCESS EXCLUSIVE locks its schema changes "
        "took until it commits, so a backfill in the same migration blocks every read and "
        "write of those tables for as long as it runs over the whole table, and one "
        "failure rolls everything back. (Django on PostgreSQL can also fail with `pending "
        "trigger events`.)",
        "Move the data change to its own migration (Django `atomic = False` or a separate "
        "file; Rails a separate migration with `disable_ddl_transaction!`), and update in "
        "batches of a few thousand rows.",
    ),
    mp.IRREVERSIBLE: (
        Severity.LOW,
        "Migration cannot be rolled back",
        "A data step without a reverse (`RunPython`/`RunSQL` without `reverse_code`/"
        "`reverse_sql`, Rails `execute` in `def change`, an empty Alembic `downgrade`) makes "
        "the rollback of a bad deploy fail with an irreversible-migration error exactly when "
        "it is needed.",
        "Give it a reverse (`migrations.RunPython.noop` when undoing is not needed; Rails "
        "`reversible do |dir| … end` or `up`/`down`; a real `downgrade`).",
    ),
    mp.ENUM_VALUE: (
        Severity.MEDIUM,
        "Enum value used in the transaction that adds it",
        "PostgreSQL (12+) lets `ALTER TYPE … ADD VALUE` run in a transaction, but the new "
        "value cannot be used until that transaction commits: a later step of the same "
        "migration that writes it fails with `unsafe use of new value`, and the deploy "
        "stops. (Before PostgreSQL 12 the ADD VALUE itself fails in a transaction.)",
        "Add the value in its own migration outside a transaction (Alembic "
        "`autocommit_block()`, Rails `disable_ddl_transaction!`), and use it in a later one.",
    ),
    mp.DROP_INDEX: (
        Severity.MEDIUM,
        "Index dropped without `CONCURRENTLY` locks the table",
        "Rails `remove_index`, Django `RemoveIndex` and Alembic `op.drop_index` run a plain "
        "`DROP INDEX`, which needs an ACCESS EXCLUSIVE lock on the table. The drop itself "
        "is quick, but it must wait for every running query on the table to finish, and "
        "every read and write that arrives meanwhile queues behind it: one long report or "
        "open transaction turns into a full outage of the table for its duration. Inside "
        "the migration's transaction the lock is also held until the migration commits.",
        "Drop it concurrently: Rails `algorithm: :concurrently` with "
        "`disable_ddl_transaction!`; Django `RemoveIndexConcurrently` (from "
        "`django.contrib.postgres.operations`) with `atomic = False`; Alembic "
        "`postgresql_concurrently=True` inside `with op.get_context().autocommit_block():`. "
        "(On MySQL or SQLite, where the option does not apply, disable this rule.)",
    ),
    mp.FORCE_TABLE: (
        Severity.HIGH,
        "`create_table … force:` drops an existing table and its data",
        "`force: true` (or `:cascade`) makes Rails run `DROP TABLE` before creating it: if "
        "the table exists in production, every row is gone (with `:cascade`, dependent "
        "foreign keys too), silently, as part of a routine deploy.",
        "Remove `force:` from migrations (it belongs only in `db/schema.rb`); to replace a "
        "table, drop it explicitly in a reviewed migration after a backup.",
    ),
}

_LANGUAGE_CASES = (
    migrations_python.CASES,
    migrations_ruby.CASES,
    migrations_js.CASES,
    migrations_php.CASES,
    migrations_go.CASES,
)


def _framework_rule(rule_id: str) -> Rule:
    severity, title, rationale, fix = _TEXTS[rule_id]
    positive = [c for cases in _LANGUAGE_CASES for c in cases.get(rule_id, ([], []))[0]]
    negative = [c for cases in _LANGUAGE_CASES for c in cases.get(rule_id, ([], []))[1]]
    languages: list[str] = []
    for case in positive:
        language = language_of(case.path)
        if language and language not in languages:
            languages.append(language)
    if "javascript" in languages and "typescript" not in languages:
        languages.append("typescript")
    if "typescript" in languages and "javascript" not in languages:
        languages.append("javascript")
    return Rule(
        id=rule_id,
        category=Category.INDEXING,
        severity=severity,
        title=title,
        rationale=rationale,
        fix=fix,
        languages=tuple(languages),
        positive=tuple(positive),
        negative=tuple(negative),
    )


_DISPATCH = {
    "python": migrations_python.hits,
    "ruby": migrations_ruby.hits,
    "javascript": migrations_js.hits,
    "typescript": migrations_js.hits,
    "php": migrations_php.hits,
    "sql": migrations_python.sql_file_hits,
    "go": migrations_go.hits,
}


class FrameworkMigrations(Check):
    name = "framework-migrations"
    rules = tuple(_framework_rule(rule_id) for rule_id in _TEXTS)
    languages = frozenset(_DISPATCH)
    kinds = frozenset({FileKind.MIGRATION})

    def wants(self, file: ChangedFile) -> bool:
        if file.language == "go":
            # Go migrations live anywhere (`internal/database/migrations.go`): their
            # text says what they are.
            return bool(migrations_go.MIGRATION_CODE.search(file.visible_text()))
        return super().wants(file)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return _DISPATCH[file.language or ""](file)


CHECKS.append(FrameworkMigrations())
CHECKS.append(migrations_go.GoAutoMigrate())

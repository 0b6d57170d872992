"""Django `AlterField` judged against the column as earlier migrations left it (the
schema model keeps each column's declarations in history order)."""

from __future__ import annotations

from bot.diff import added_file
from bot.rules.engine import run_rules
from bot.schema import build_schema
from bot.schema.context import use
from bot.select import select_backend

INITIAL = "shop/migrations/0001_initial.py"
CHANGE = "shop/migrations/0002_order_changes.py"
INITIAL_TEXT = """from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("note", models.TextField(null=True)),
                ("code", models.CharField(max_length=30)),
                ("title", models.CharField(max_length=50)),
            ],
        ),
    ]
"""


def _alter(name: str, field: str) -> str:
    return (
        "from django.db import migrations, models\n\n\n"
        "class Migration(migrations.Migration):\n"
        '    dependencies = [("shop", "0001_initial")]\n'
        "    operations = [\n"
        "        migrations.AlterField(\n"
        '            model_name="order",\n'
        f'            name="{name}",\n'
        f"            field={field},\n"
        "        ),\n"
        "    ]\n"
    )


def _rules(change: str, *, with_base_only: bool = False) -> list[str]:
    files = {INITIAL: INITIAL_TEXT}
    if not with_base_only:
        files[CHANGE] = change
    kept, _ = select_backend([added_file(CHANGE, change)])
    with use(build_schema(files)):
        run = run_rules(kept)
    assert not run.errors
    return sorted({f.rule for f in run.findings if f.line == 7})


def test_nullable_field_made_required_is_flagged() -> None:
    assert "migration-not-null-column" in _rules(_alter("note", "models.TextField()"))


def test_schema_from_the_base_branch_gives_the_same_answer() -> None:
    change = _alter("note", "models.TextField()")
    assert "migration-not-null-column" in _rules(change, with_base_only=True)


def test_field_kept_nullable_is_not_flagged() -> None:
    assert "migration-not-null-column" not in _rules(_alter("note", "models.TextField(null=True)"))


def test_kind_change_that_rewrites_is_flagged() -> None:
    rules = _rules(_alter("code", "models.IntegerField()"))
    assert "migration-column-type-change" in rules


def test_longer_varchar_is_not_a_rewrite() -> None:
    rules = _rules(_alter("title", "models.CharField(max_length=200)"))
    assert "migration-column-type-change" not in rules
    assert "migration-not-null-column" not in rules

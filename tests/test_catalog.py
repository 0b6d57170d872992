"""`bastion rules` and the generated docs/rules.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.rules.catalog import as_markdown
from bot.rules.engine import registry

ROOT = Path(__file__).resolve().parent.parent


def test_docs_rules_md_is_up_to_date() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == as_markdown(registry().rules.values()), (
        "docs/rules.md is out of date: run `bastion rules --format markdown --output docs/rules.md`"
    )


def test_rules_json_lists_every_rule() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "rules", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)
    assert {item["id"] for item in items} == set(registry().rules)
    for item in items:
        assert item["category"] in {"security", "indexing", "api-design"}
        assert item["rationale"] and item["fix"] and item["languages"]


def test_rules_table() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "rules"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].split()[:3] == ["ID", "CATEGORY", "SEVERITY"]
    assert "index-build-blocking" in done.stdout

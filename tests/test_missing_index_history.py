"""The missing-index history scorer (bench/missing_index_history.py): how a case directory
is read and how a finding is matched to the expected table and column, on tiny cases
written here. The corpus's scores are a benchmark's output, not asserted here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from bot.models import Category, Finding, Severity

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "missing_index_history", ROOT / "bench/missing_index_history.py"
)
assert _spec is not None and _spec.loader is not None
mih = importlib.util.module_from_spec(_spec)
# dataclasses resolve their annotations through the module's entry in sys.modules
sys.modules[_spec.name] = mih
_spec.loader.exec_module(mih)

SCHEMA = """ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
  create_table "members", force: :cascade do |t|
    t.string "email"
    t.string "handle"
    t.index ["email"], name: "index_members_on_email", unique: true
  end
end
"""


def _case(root: Path, name: str, query: str, expect: str, fix: str | None = None) -> Path:
    case = root / "rails" / name
    (case / "base" / "db").mkdir(parents=True)
    (case / "base" / "db" / "schema.rb").write_text(SCHEMA)
    (case / "query" / "app" / "models").mkdir(parents=True)
    (case / "query" / "app" / "models" / "lookup.rb").write_text(query)
    if fix is not None:
        (case / "fix" / "db" / "migrate").mkdir(parents=True)
        (case / "fix" / "db" / "migrate" / "20240202000000_index_handle.rb").write_text(fix)
    (case / "expect.txt").write_text(expect + "\n")
    return case


def _finding(title: str) -> Finding:
    return Finding(
        path="app/x.rb",
        line=1,
        end_line=1,
        category=Category.INDEXING,
        severity=Severity.MEDIUM,
        rule="query-on-unindexed-column",
        title=title,
        body="",
    )


def test_expect_file_gives_the_table_and_the_accepted_leading_columns(tmp_path: Path) -> None:
    bug = mih.load(_case(tmp_path, "a", "x\n", "web_hooks: user_id | rubygem_id"))
    assert (bug.table, bug.columns) == ("web_hooks", ("user_id", "rubygem_id"))
    assert bug.query_path == "app/models/lookup.rb"
    assert list(bug.base) == ["db/schema.rb"]
    safe = mih.load(_case(tmp_path, "b", "x\n", "safe"))
    assert safe.table is None and safe.columns == ()


def test_a_finding_counts_only_when_it_names_the_table_and_a_column_as_words() -> None:
    hit = _finding("`web_hooks` queried on user_id without an index")
    assert mih.names(hit, "web_hooks", ("user_id",))
    assert not mih.names(hit, "hooks", ("user_id",))  # part of another name
    assert not mih.names(hit, "web_hooks", ("rubygem_id",))
    assert mih.names(_finding("`views` queried on userid"), "views", ("userId",))


def test_a_bug_is_found_and_its_fixed_twin_goes_quiet(tmp_path: Path) -> None:
    query = "class Lookup\n  def run(h)\n    Member.where(handle: h).first\n  end\nend\n"
    fix = (
        "class IndexHandle < ActiveRecord::Migration[7.1]\n"
        "  def change\n    add_index :members, :handle\n  end\nend\n"
    )
    case = mih.load(_case(tmp_path, "bug", query, "members: handle", fix))
    row = [0] * 6
    lines = mih.score(case, row)
    assert row == [1, 1, 0, 0, 1, 0], lines


def test_a_query_on_a_unique_column_is_a_quiet_safe_twin(tmp_path: Path) -> None:
    query = "class Lookup\n  def run(e)\n    Member.find_by(email: e)\n  end\nend\n"
    case = mih.load(_case(tmp_path, "safe", query, "safe"))
    row = [0] * 6
    lines = mih.score(case, row)
    assert row == [0, 0, 1, 0, 0, 0], lines


def test_a_missed_bug_does_not_count_its_fixed_twin(tmp_path: Path) -> None:
    # the receiver names no model, so nothing is found with or without the fix
    query = "class Lookup\n  def run(h)\n    something.where(handle: h).first\n  end\nend\n"
    fix = "class IndexHandle < ActiveRecord::Migration[7.1]\n  def change\n  end\nend\n"
    case = mih.load(_case(tmp_path, "missed", query, "members: handle", fix))
    row = [0] * 6
    lines = mih.score(case, row)
    assert row == [1, 0, 0, 0, 0, 0], lines

"""Anchoring findings to diff lines, and fingerprints that survive moving lines."""

from __future__ import annotations

from bot.anchor import anchor, with_fingerprints
from bot.diff import parse_diff
from bot.models import Category, ChangedFile, Finding, Severity, Source

# Two hunks: RIGHT lines 3-7 (added 5) and 20-25 (added 22, 23).
TWO_HUNKS = """\
--- a/app/q.py
+++ b/app/q.py
@@ -3,4 +3,5 @@
 l3
 l4
+l5 = query(f"SELECT {x}")
 l6
 l7
@@ -18,4 +20,6 @@
 l20
 l21
+l22 = 1
+l23 = 2
 l24
 l25
"""


def _file() -> ChangedFile:
    return parse_diff(TWO_HUNKS)[0]


def _finding(line: int, end: int | None = None, **extra: object) -> Finding:
    data: dict[str, object] = {
        "path": "app/q.py",
        "line": line,
        "end_line": end or line,
        "category": Category.SECURITY,
        "severity": Severity.HIGH,
        "rule": "sql-injection",
        "title": "SQL built from a string",
        "body": "b",
    }
    data.update(extra)
    return Finding.model_validate(data)


def test_inside_a_hunk_is_kept_as_is() -> None:
    got = anchor(_finding(5, suggestion="fixed"), _file())
    assert (got.inline, got.line, got.end_line, got.suggestion) == (True, 5, 5, "fixed")


def test_context_lines_are_commentable() -> None:
    got = anchor(_finding(6, 7), _file())
    assert (got.inline, got.line, got.end_line) == (True, 6, 7)


def test_range_across_hunks_is_narrowed_to_the_hunk_of_its_last_line() -> None:
    got = anchor(_finding(5, 22, suggestion="x"), _file())
    assert (got.inline, got.line, got.end_line) == (True, 20, 22)
    assert got.suggestion is None  # it would replace the wrong lines now


def test_range_ending_outside_the_diff_uses_its_last_commentable_line() -> None:
    got = anchor(_finding(6, 12), _file())
    assert (got.inline, got.line, got.end_line) == (True, 6, 7)


def test_outside_the_diff_becomes_a_summary_item_with_the_reason() -> None:
    got = anchor(_finding(12), _file())
    assert got.inline is False
    assert got.anchor_note == "line 12 of app/q.py are not part of the diff"
    assert got.line == 12  # kept for the summary, never dropped


def test_deleted_file_and_unknown_path() -> None:
    deleted = parse_diff(
        "diff --git a/app/q.py b/app/q.py\ndeleted file mode 100644\n"
        "--- a/app/q.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    )[0]
    got = anchor(_finding(1), deleted)
    assert not got.inline and "deleted" in (got.anchor_note or "")
    got = anchor(_finding(1), None)
    assert not got.inline and "not part of this diff" in (got.anchor_note or "")


def _fingerprint_of_sql_line(diff: str, line: int) -> str:
    file = parse_diff(diff)[0]
    [f] = with_fingerprints([anchor(_finding(line), file)], {file.path: file})
    return f.fingerprint


def test_fingerprint_is_stable_when_lines_are_inserted_above() -> None:
    moved = TWO_HUNKS.replace("@@ -3,4 +3,5 @@", "@@ -3,4 +13,5 @@").replace(
        "@@ -18,4 +20,6 @@", "@@ -18,4 +30,6 @@"
    )
    before = _fingerprint_of_sql_line(TWO_HUNKS, 5)
    after = _fingerprint_of_sql_line(moved, 15)
    assert before == after


def test_fingerprint_ignores_whitespace_but_not_content() -> None:
    spaced = TWO_HUNKS.replace('+l5 = query(f"SELECT {x}")', '+l5  =  query(f"SELECT {x}")  ')
    changed = TWO_HUNKS.replace('+l5 = query(f"SELECT {x}")', '+l5 = query(f"SELECT {y}")')
    base = _fingerprint_of_sql_line(TWO_HUNKS, 5)
    assert _fingerprint_of_sql_line(spaced, 5) == base
    assert _fingerprint_of_sql_line(changed, 5) != base


def test_fingerprint_depends_on_rule_and_path_not_on_prose() -> None:
    file = _file()
    files = {file.path: file}
    [base] = with_fingerprints([_finding(5)], files)
    [other_rule] = with_fingerprints([_finding(5, rule="other-rule")], files)
    [reworded] = with_fingerprints([_finding(5, title="different", body="words")], files)
    assert base.fingerprint != other_rule.fingerprint
    assert base.fingerprint == reworded.fingerprint


def test_identical_lines_get_distinct_fingerprints() -> None:
    diff = "--- a/x.py\n+++ b/x.py\n@@ -0,0 +1,3 @@\n+run(q)\n+pass\n+run(q)\n"
    file = parse_diff(diff)[0]
    fps = with_fingerprints([_finding(1, path="x.py"), _finding(3, path="x.py")], {"x.py": file})
    assert len({f.fingerprint for f in fps}) == 2


def test_llm_fingerprint_uses_category_not_model_prose() -> None:
    file = _file()
    files = {file.path: file}
    one = _finding(5, rule="llm-security", source=Source.LLM, title="A", body="x")
    two = _finding(5, rule="llm-security", source=Source.LLM, title="B", body="y")
    [a], [b] = with_fingerprints([one], files), with_fingerprints([two], files)
    assert a.fingerprint == b.fingerprint

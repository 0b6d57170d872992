"""Diffs built to cost the most or to smuggle something into a comment: more files than
a review reads, names git quotes, names too long for a file system, names holding
mentions and HTML. The files that can be reviewed still are, and what is skipped is
listed with the reason."""

from __future__ import annotations

import pytest

from bot.diff import MAX_DIFF_FILES, DiffError, read_diff
from bot.pipeline import review_diff
from bot.report.markdown import render
from bot.select import MAX_DIFF_ONLY_HUNKS

FLAGGED = (
    "from flask import request\n\n"
    "@app.get('/calc')\n"
    "def compute():\n"
    "    return str(eval(request.args['expr']))\n"
)


def added(path: str, text: str, quoted: bool = False) -> str:
    lines = text.splitlines()
    body = "".join(f"+{line}\n" for line in lines)
    a, b = (f'"a/{path}"', f'"b/{path}"') if quoted else (f"a/{path}", f"b/{path}")
    return (
        f"diff --git {a} {b}\nnew file mode 100644\n--- /dev/null\n+++ {b}\n"
        f"@@ -0,0 +1,{len(lines)} @@\n{body}"
    )


def test_files_past_the_limit_are_listed_unread_and_the_rest_is_reviewed() -> None:
    extra = 5
    diff = added("app/calc.py", FLAGGED) + "".join(
        added(f"docs/page{n}.md", "text") for n in range(MAX_DIFF_FILES - 1 + extra)
    )
    result = review_diff(diff)
    assert [f.rule for f in result.findings] == ["code-injection"]
    past = [s for s in result.skipped if "past the first 3,000 files" in s.reason]
    assert [s.path for s in past] == [f"docs/page{n}.md" for n in range(2_999, 2_999 + extra)]
    assert result.stats.files_skipped == len(result.skipped)
    assert any(n.startswith("Not reviewed: 5 files past the first 3,000") for n in result.notes)


def test_skipped_files_are_named_from_their_headers() -> None:
    diff = (
        added("app/one.py", "x = 1\n")
        # A deleted file, a rename without changes, a plain `diff -u`, a quoted name.
        + "diff --git a/app/gone.py b/app/gone.py\ndeleted file mode 100644\n"
        "--- a/app/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x = 1\n"
        + "--- app/plain.py\t2026-01-01\n+++ app/plain.py\t2026-01-02\n@@ -1 +1 @@\n-a\n+b\n"
        + "diff --git a/app/old.py b/app/new.py\nsimilarity index 100%\n"
        "rename from app/old.py\nrename to app/new.py\n"
        + added("app/caf\\303\\251.py", "x = 1\n", quoted=True)
    )
    read = read_diff(diff, max_files=1)
    assert [f.path for f in read.files] == ["app/one.py"]
    assert [s.path for s in read.skipped] == [
        "app/gone.py",
        "app/plain.py",
        "app/new.py",
        "app/café.py",
    ]
    assert read.note() == (
        "Not reviewed: 4 files past the first 1 of the diff (from 'app/gone.py' on); "
        "a review reads at most 1 files."
    )
    assert read_diff(diff).skipped == []


def test_names_git_quotes_are_read_as_the_names_they_stand_for() -> None:
    diff = (
        added("app/caf\\303\\251.py", "x = 1\n", quoted=True)
        + added('app/a\\nb\\"c\\\\d.py', "x = 1\n", quoted=True)
        + 'diff --git "a/app/\\303\\251t\\303\\251.py" "b/app/d\\303\\251j\\303\\240.py"\n'
        'similarity index 100%\nrename from "app/\\303\\251t\\303\\251.py"\n'
        'rename to "app/d\\303\\251j\\303\\240.py"\n'
    )
    files = read_diff(diff).files
    assert [(f.path, f.previous_path) for f in files] == [
        ("app/café.py", None),
        ('app/a\nb"c\\d.py', None),
        ("app/déjà.py", "app/été.py"),
    ]


def test_a_name_too_long_for_the_file_system_costs_no_other_file_its_checks() -> None:
    diff = added("app/" + "a" * 300 + ".py", "x = 1\n") + added("app/calc.py", FLAGGED)
    result = review_diff(diff)
    assert not [n for n in result.notes if "failed" in n], result.notes
    assert [f.path for f in result.findings] == ["app/calc.py"]


def test_mentions_and_html_in_a_path_reach_the_summary_only_inside_code() -> None:
    path = "app/@everyone/<img src=x onerror=alert(1)>/calc`s|.py"
    result = review_diff(added(path, FLAGGED))
    assert [f.path for f in result.findings] == [path]
    summary = render(result)
    outside_code = "".join(summary.split("`")[::2])
    assert "@everyone" not in outside_code
    assert "<img" not in outside_code


NO_NEWLINE = "\\ No newline at end of file\n"
HEADER = "diff --git a/app/x.py b/app/x.py\n--- a/app/x.py\n+++ b/app/x.py\n"


def test_a_no_newline_note_outside_a_hunk_names_its_line() -> None:
    for diff, line in (
        (HEADER + NO_NEWLINE + "@@ -1 +1 @@\n-a\n+b\n", 4),
        (NO_NEWLINE + HEADER + "@@ -1 +1 @@\n-a\n+b\n", 1),
    ):
        with pytest.raises(DiffError, match="outside a hunk") as caught:
            read_diff(diff)
        assert caught.value.line == line


def test_no_newline_notes_after_changed_lines_still_parse() -> None:
    body = f"@@ -1,2 +1,2 @@\n-a\n{NO_NEWLINE}-b\n{NO_NEWLINE}+c\n{NO_NEWLINE}+d\n{NO_NEWLINE}"
    [file] = read_diff(
        HEADER + body + HEADER.replace("x.py", "y.py") + "@@ -1 +1 @@\n-a\n+b\n"
    ).files[:1]
    assert [ln.text for ln in file.hunks[0].lines] == ["a", "b", "c", "d"]


def _hunks(count: int) -> str:
    path = "app/api/views.py"
    hunks = "".join(
        f"@@ -{n * 10 + 1},1 +{n * 11 + 1},2 @@\n x = 1\n+y = {n}\n" for n in range(count)
    )
    return f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n{hunks}"


def test_a_diff_only_file_of_too_many_hunks_is_skipped_with_the_reason() -> None:
    result = review_diff(_hunks(MAX_DIFF_ONLY_HUNKS + 1) + added("app/calc.py", FLAGGED))
    assert [f.path for f in result.findings] == ["app/calc.py"]
    [skipped] = result.skipped
    assert skipped.path == "app/api/views.py"
    assert skipped.reason.startswith("too many hunks to review from the diff alone (1,001;")


def test_with_the_whole_file_the_hunk_count_does_not_matter() -> None:
    whole = "".join(f"y = {n}\n" for n in range(MAX_DIFF_ONLY_HUNKS * 11 + 20))
    result = review_diff(_hunks(MAX_DIFF_ONLY_HUNKS + 1), load_content=lambda _file: whole)
    assert result.skipped == []
    assert result.stats.files_reviewed == 1

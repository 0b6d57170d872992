"""Diff parsing: every edge case a real PR throws at us."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.diff import DiffError, added_file, parse_diff
from bot.models import FileStatus, LineType

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

MODIFIED = """\
diff --git a/app/db.py b/app/db.py
index 1111111..2222222 100644
--- a/app/db.py
+++ b/app/db.py
@@ -10,4 +10,5 @@ def connect():
 a = 1
-b = 2
+b = 3
+c = 4
 d = 5
 e = 6
"""


def test_modified_file_lines_and_numbers() -> None:
    [f] = parse_diff(MODIFIED)
    assert f.path == "app/db.py"
    assert f.status is FileStatus.MODIFIED
    assert f.added_lines == {11, 12}
    assert f.commentable_lines == {10, 11, 12, 13, 14}
    [hunk] = f.hunks
    assert (hunk.new_start, hunk.new_length, hunk.header) == (10, 5, "def connect():")
    removed = [ln for ln in hunk.lines if ln.type is LineType.REMOVED]
    assert removed[0].text == "b = 2" and removed[0].new_no is None and removed[0].old_no == 11
    assert f.added_text() == {11: "b = 3", 12: "c = 4"}


def test_plain_unified_diff_without_git_header() -> None:
    text = (
        "--- old/app/db.py\t2026-01-01 00:00:00\n"
        "+++ new/app/db.py\t2026-01-02 00:00:00\n"
        "@@ -1,2 +1,3 @@\n x = 1\n+y = 2\n z = 3\n"
    )
    [f] = parse_diff(text)
    assert f.path == "app/db.py"
    assert f.added_lines == {2}


def test_rename_with_changes() -> None:
    text = (
        "diff --git a/app/old.py b/app/new.py\n"
        "similarity index 90%\nrename from app/old.py\nrename to app/new.py\n"
        "index 1..2 100644\n--- a/app/old.py\n+++ b/app/new.py\n"
        "@@ -1,2 +1,3 @@\n x = 1\n+y = 2\n z = 3\n"
    )
    [f] = parse_diff(text)
    assert (f.status, f.path, f.previous_path) == (FileStatus.RENAMED, "app/new.py", "app/old.py")
    assert f.added_lines == {2}


def test_pure_rename_and_copy() -> None:
    text = (
        "diff --git a/a.py b/b.py\nsimilarity index 100%\nrename from a.py\nrename to b.py\n"
        "diff --git a/c.py b/d.py\nsimilarity index 100%\ncopy from c.py\ncopy to d.py\n"
    )
    renamed, copied = parse_diff(text)
    assert (renamed.status, renamed.path, renamed.previous_path) == (
        FileStatus.RENAMED,
        "b.py",
        "a.py",
    )
    assert (copied.status, copied.path, copied.previous_path) == (FileStatus.COPIED, "d.py", "c.py")
    assert not renamed.hunks and not renamed.commentable_lines


def test_binary_file() -> None:
    text = (
        "diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0000000..1111111\n"
        "Binary files /dev/null and b/logo.png differ\n"
    )
    [f] = parse_diff(text)
    assert f.status is FileStatus.BINARY and f.is_binary and not f.commentable_lines


def test_deleted_file_has_nothing_commentable() -> None:
    text = (
        "diff --git a/app/gone.py b/app/gone.py\ndeleted file mode 100644\nindex 1..0\n"
        "--- a/app/gone.py\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-x = 1\n-y = 2\n"
    )
    [f] = parse_diff(text)
    assert (f.status, f.path) == (FileStatus.DELETED, "app/gone.py")
    assert not f.commentable_lines and not f.added_lines


def test_added_file() -> None:
    text = (
        "diff --git a/app/new.py b/app/new.py\nnew file mode 100644\nindex 0..1\n"
        "--- /dev/null\n+++ b/app/new.py\n@@ -0,0 +1,2 @@\n+x = 1\n+y = 2\n"
    )
    [f] = parse_diff(text)
    assert (f.status, f.path, f.added_lines) == (FileStatus.ADDED, "app/new.py", {1, 2})


def test_mode_only_change() -> None:
    text = "diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n"
    [f] = parse_diff(text)
    assert f.mode_changed and f.status is FileStatus.MODIFIED and not f.hunks


def test_no_newline_at_end_of_file_is_not_a_line() -> None:
    text = (
        "--- a/x.py\n+++ b/x.py\n@@ -1 +1,2 @@\n-x = 1\n\\ No newline at end of file\n"
        "+x = 1\n+y = 2\n\\ No newline at end of file\n"
    )
    [f] = parse_diff(text)
    assert f.added_text() == {1: "x = 1", 2: "y = 2"}


def test_crlf_line_endings() -> None:
    text = MODIFIED.replace("\n", "\r\n")
    [f] = parse_diff(text)
    assert f.added_text() == {11: "b = 3", 12: "c = 4"}


def test_bytes_that_are_not_utf8_are_replaced() -> None:
    raw = MODIFIED.encode().replace(b"c = 4", b"c = '\xff\xfe'")
    [f] = parse_diff(raw)
    assert f.added_text()[12] == "c = '\ufffd\ufffd'"


def test_empty_diff_is_no_files() -> None:
    assert parse_diff("") == []
    assert parse_diff(b"\n \n") == []


def test_hunk_longer_than_header_names_the_line() -> None:
    text = "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n+d\n e\n"
    with pytest.raises(DiffError) as info:
        parse_diff(text)
    assert info.value.line == 7
    assert "line 7" in str(info.value)


def test_truncated_hunk_names_the_line() -> None:
    text = "--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n"
    with pytest.raises(DiffError) as info:
        parse_diff(text)
    assert info.value.line == 5 and "truncated" in str(info.value)


def test_malformed_hunk_header() -> None:
    with pytest.raises(DiffError) as info:
        parse_diff("--- a/x\n+++ b/x\n@@ garbage @@\n a\n")
    assert info.value.line == 3


def test_hunk_without_file_header() -> None:
    with pytest.raises(DiffError) as info:
        parse_diff("@@ -1 +1 @@\n-a\n+b\n")
    assert info.value.line == 1


def test_text_that_is_not_a_diff() -> None:
    with pytest.raises(DiffError) as info:
        parse_diff("hello\nthis is not a diff\n")
    assert info.value.line == 1 and "no file headers" in str(info.value)


def test_several_hunks_and_files_from_the_shipped_example() -> None:
    files = parse_diff((EXAMPLES / "pr-mixed.diff").read_bytes())
    paths = {f.path for f in files}
    assert {"app/services/orders.py", "db/migrations/0042_orders_customer_email.sql"} <= paths
    orders = next(f for f in files if f.path == "app/services/orders.py")
    assert len(orders.hunks) == 2
    for hunk in orders.hunks:
        assert hunk.right_lines() <= orders.commentable_lines


def test_visible_text_keeps_line_numbers_of_a_partial_file() -> None:
    [f] = parse_diff(MODIFIED)
    lines = f.visible_text().split("\n")
    assert lines[10] == "b = 3" and lines[0] == ""


def test_added_file_helper() -> None:
    f = added_file("app/x.py", "a = 1\nb = 2\n")
    assert f.added_lines == {1, 2} and f.content == "a = 1\nb = 2\n"


def test_lines_separated_by_cr_alone_are_refused() -> None:
    cr_only = MODIFIED.replace("\n", "\r")
    with pytest.raises(DiffError) as info:
        parse_diff(cr_only)
    assert info.value.line == 1
    assert "CR characters alone" in str(info.value)
    # Half converted: the second file's headers are glued on by lone CRs.
    mixed = MODIFIED + MODIFIED.replace("app/db.py", "app/other.py").replace("\n", "\r")
    with pytest.raises(DiffError) as info:
        parse_diff(mixed)
    assert info.value.line == MODIFIED.count("\n") + 1


def test_a_lone_cr_inside_a_changed_line_is_content() -> None:
    text = "--- a/app/x.py\n+++ b/app/x.py\n@@ -1,1 +1,2 @@\n x = 1\n+y = '\r'\r\n"
    [f] = parse_diff(text)
    assert f.added_text() == {2: "y = '\r'"}


def test_a_changed_line_holding_a_lone_cr_and_header_text_is_content() -> None:
    # A test fixture (or a crafted line) with "\r--- a/..." in it: the whole diff still
    # parses, this file and the next one.
    other = "--- a/app/y.py\n+++ b/app/y.py\n@@ -1,1 +1,2 @@\n a = 1\n+b = 2\n"
    for glued in ("\r--- a/evil.py", "\r+++ b/evil.py", "\rdiff --git a/q b/q", "\r@@ -1 +1 @@"):
        text = f"--- a/app/x.py\n+++ b/app/x.py\n@@ -1,1 +1,2 @@\n x = 1\n+y = '{glued}'\n"
        x, y = parse_diff(text + other)
        assert x.added_text() == {2: f"y = '{glued}'"}
        assert (y.path, y.added_text()) == ("app/y.py", {2: "b = 2"})

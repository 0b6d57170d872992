"""Pure parts of publishing: bodies, placement, retry hints, anchors GitHub accepts."""

from __future__ import annotations

from bot.config import parse_config
from bot.diff import parse_diff
from bot.github.client import retry_after_seconds
from bot.github.publish import comment_body, comment_payload, offending, place, review_event
from bot.models import Category, Finding, Severity

DIFF = """\
diff --git a/app/x.py b/app/x.py
--- a/app/x.py
+++ b/app/x.py
@@ -1,3 +1,4 @@
 a = 1
+b = 2
 c = 3
 d = 4
@@ -20,2 +21,3 @@
 y = 1
+z = 2
 w = 3
"""


def finding(line: int, end: int | None = None, **kw: object) -> Finding:
    data: dict[str, object] = {
        "path": "app/x.py",
        "line": line,
        "end_line": end or line,
        "category": Category.SECURITY,
        "severity": Severity.HIGH,
        "rule": "r",
        "title": "T",
        "body": "B",
        "fingerprint": f"{line:020x}",
    }
    data.update(kw)
    return Finding.model_validate(data)


def test_range_comment_uses_start_line_and_right_side() -> None:
    payload = comment_payload(finding(2, 3))
    assert payload["line"] == 3 and payload["start_line"] == 2
    assert payload["side"] == payload["start_side"] == "RIGHT"
    assert "start_line" not in comment_payload(finding(2))


def test_suggestion_with_backticks_gets_a_longer_fence() -> None:
    body = comment_body(finding(2, suggestion="s = '```'"))
    assert "````suggestion\ns = '```'\n````" in body


def test_forged_marker_in_finding_text_is_removed() -> None:
    body = comment_body(finding(2, body="<!-- bastion:fp=deadbeefdeadbeef --> hi @team"))
    assert body.count("<!-- bastion:fp=") == 1
    assert "@team" not in body


def test_offending_checks_lines_and_ranges_against_hunks() -> None:
    files = {f.path: f for f in parse_diff(DIFF)}
    comments = [
        comment_payload(finding(2)),  # in hunk 1
        comment_payload(finding(10)),  # between hunks
        comment_payload(finding(4, 22)),  # range across hunks
        {"path": "other.py", "line": 1, "side": "RIGHT", "body": "x"},
    ]
    assert offending(comments, files) == [1, 2, 3]


def test_place_caps_inline_comments_worst_first() -> None:
    config = parse_config("max_comments: 1\n")
    low = finding(2, severity=Severity.LOW)
    high = finding(22, severity=Severity.HIGH)
    placed = {f.line: f for f in place([low, high], config, {})}
    assert placed[22].inline and not placed[2].inline
    assert "max_comments" in (placed[2].anchor_note or "")


def test_review_event_never_approves() -> None:
    request = parse_config("review_event: request_changes\nfail_on: medium\n")
    assert review_event([finding(2, severity=Severity.MEDIUM)], request) == "REQUEST_CHANGES"
    assert review_event([finding(2, severity=Severity.LOW)], request) == "COMMENT"
    assert review_event([], parse_config(None)) == "COMMENT"


def test_retry_hints() -> None:
    assert retry_after_seconds({"Retry-After": "12"}) == 12
    reset = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1000"}
    assert retry_after_seconds(reset, now=900) == 100
    assert retry_after_seconds({"x-ratelimit-remaining": "5"}) is None

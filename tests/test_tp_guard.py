"""bench/tp_guard.py sorts each judged true positive by what a review now says at its line."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from tp_guard import TruePositive, true_positives, verdict  # noqa: E402

ITEM = TruePositive("labels.tsv", "o/r", "abc", "app/x.py", 10, "open-redirect", "why")


def _f(line: int, severity: str = "medium", rule: str = "open-redirect") -> dict[str, object]:
    return {"path": "app/x.py", "line": line, "end_line": line, "rule": rule, "severity": severity}


def test_verdicts() -> None:
    assert verdict(ITEM, [_f(10)]) == "inline"
    assert verdict(ITEM, [_f(12)]) == "moved"
    assert verdict(ITEM, [_f(10, "info")]) == "summary"
    assert verdict(ITEM, [_f(30)]) == "gone"
    assert verdict(ITEM, [_f(10, rule="ssrf")]) == "gone"
    assert verdict(ITEM, []) == "gone"


def test_true_positives_reads_only_tp_rows(tmp_path: Path) -> None:
    labels = tmp_path / "security_findings_x.tsv"
    labels.write_text(
        "# header\n"
        "o/r\tabc\tapp/x.py\t10\topen-redirect\ttp\treal\n"
        "o/r\tabc\tapp/y.py\t3\tssrf\tfp\tnot\n"
        "o/r\tabc\tshort\n",
        encoding="utf-8",
    )
    found = true_positives([labels])
    assert [(t.path, t.line, t.rule) for t in found] == [("app/x.py", 10, "open-redirect")]

"""The held-out migration corpus stays consistent: every label names a line of a file
the pull request side holds, with a known hazard, in one of the two splits."""

from __future__ import annotations

import csv
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "bench" / "corpus" / "migrations"
HAZARDS = {
    "safe",
    "index-blocking",
    "concurrent-in-tx",
    "not-null",
    "volatile-default",
    "type-change",
    "fk-not-valid",
    "check-not-valid",
    "unique-existing",
    "rename-column",
    "drop-column",
    "drop-table",
    "rename-table",
    "pk-swap",
    "fk-no-index",
}


def test_every_label_points_at_a_line_of_the_pull_request() -> None:
    seen = 0
    for labels in sorted(CORPUS.glob("*/labels.tsv")):
        with labels.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                seen += 1
                path = labels.parent / "pr" / row["file"]
                assert path.is_file(), row
                rows = path.read_text(encoding="utf-8").splitlines()
                assert 0 < int(row["line"]) <= len(rows), row
                assert rows[int(row["line"]) - 1].strip(), row
                assert row["expected"] in HAZARDS, row
                assert row["split"] in ("dev", "holdout"), row
    assert seen >= 100


def test_a_file_belongs_to_one_split() -> None:
    for labels in CORPUS.glob("*/labels.tsv"):
        with labels.open(encoding="utf-8") as handle:
            splits: dict[str, set[str]] = {}
            for row in csv.DictReader(handle, delimiter="\t"):
                splits.setdefault(row["file"], set()).add(row["split"])
        assert all(len(s) == 1 for s in splits.values()), labels

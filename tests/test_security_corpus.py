"""The security corpus scorer (bench/security_corpus.py): its label parser and the way
findings are matched to labelled lines, on tiny synthetic inputs. The scores themselves
are a benchmark's output, not asserted here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("security_corpus", ROOT / "bench/security_corpus.py")
assert _spec is not None and _spec.loader is not None
sc = importlib.util.module_from_spec(_spec)
# dataclasses resolve their annotations through the module's entry in sys.modules
sys.modules[_spec.name] = sc
_spec.loader.exec_module(sc)


def test_labels_are_read_in_each_comment_syntax_with_their_line() -> None:
    text = "\n".join(
        [
            "import os",
            'db.execute(f"SELECT {x}")  # vuln: CWE-89',
            "res.redirect(url); // safe: CWE-601",
            "$x = 1; # vuln:CWE-78",
            'say("vuln: CWE-22")',  # inside a string, not a comment: no label
        ]
    )
    labels = sc.parse_labels(text)
    assert labels == [
        sc.Label(line=2, kind="vuln", cwe=89),
        sc.Label(line=3, kind="safe", cwe=601),
        sc.Label(line=4, kind="vuln", cwe=78),
    ]


def test_a_finding_covers_the_lines_of_its_range() -> None:
    labels = [sc.Label(3, "vuln", 89), sc.Label(6, "vuln", 78), sc.Label(9, "safe", 89)]
    hits = [sc.Hit(line=2, end_line=4, rule="sql", cwes=frozenset({89}))]
    outcomes, unlabelled = sc.match(labels, hits)
    assert [(o.label.line, o.covered, o.same_cwe) for o in outcomes] == [
        (3, True, True),
        (6, False, False),
        (9, False, False),
    ]
    assert unlabelled == []


def test_same_cwe_needs_the_labels_weakness_or_a_close_relative() -> None:
    labels = [sc.Label(5, "vuln", 89), sc.Label(7, "vuln", 328), sc.Label(8, "vuln", 95)]
    hits = [
        sc.Hit(5, 5, "xss", frozenset({79})),
        sc.Hit(7, 7, "weak-crypto", frozenset({327})),
        sc.Hit(8, 8, "eval", frozenset({94})),
    ]
    outcomes, _ = sc.match(labels, hits)
    assert [(o.covered, o.same_cwe) for o in outcomes] == [
        (True, False),
        (True, True),
        (True, True),
    ]


def test_a_safe_line_under_any_security_finding_is_a_false_alarm() -> None:
    labels = [sc.Label(4, "safe", 89)]
    outcomes, _ = sc.match(labels, [sc.Hit(4, 4, "log-injection", frozenset({117}))])
    tally = sc.Tally()
    for o in outcomes:
        tally.add(o)
    assert (tally.safe, tally.flagged, tally.vuln) == (1, 1, 0)


def test_findings_that_cover_no_label_are_counted_as_unlabelled() -> None:
    labels = [sc.Label(10, "vuln", 22)]
    inside = sc.Hit(9, 11, "path", frozenset({22}))
    outside = sc.Hit(20, 21, "ssrf", frozenset({918}))
    _, unlabelled = sc.match(labels, [inside, outside])
    assert unlabelled == [outside]


def test_tally_counts_found_and_same_cwe_separately() -> None:
    tally = sc.Tally()
    vuln = sc.Label(1, "vuln", 89)
    tally.add(sc.Outcome(vuln, covered=True, same_cwe=False))
    tally.add(sc.Outcome(vuln, covered=True, same_cwe=True))
    tally.add(sc.Outcome(vuln, covered=False, same_cwe=False))
    assert (tally.vuln, tally.found, tally.found_same) == (3, 2, 1)


def test_corpus_files_take_split_and_language_from_the_layout(tmp_path: Path) -> None:
    for rel in ("dev/go/gin_x.go", "holdout/php/plain_y.php", "dev/go/notes.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("")
    files = sc.corpus_files("all", root=tmp_path)
    assert [(f.split, f.language, f.name) for f in files] == [
        ("dev", "go", "go/gin_x.go"),
        ("holdout", "php", "php/plain_y.php"),
    ]
    assert [f.name for f in sc.corpus_files("holdout", root=tmp_path)] == ["php/plain_y.php"]

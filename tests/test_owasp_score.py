"""bench/owasp_score.py: the expected-results CSV, the Benchmark's arithmetic, other
tools' result files, and one end-to-end run of our engine. Every input is written
here; nothing comes from the Benchmark."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("owasp_score", ROOT / "bench/owasp_score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["owasp_score"] = module  # pydantic resolves the models' annotations here
    spec.loader.exec_module(module)
    return module


owasp = _load()

CSV = """# test name, category, real vulnerability, cwe, Benchmark version: 9.9, 2030-01-01
BenchmarkTest00001,sqli,true,89
BenchmarkTest00002,sqli,true,89

BenchmarkTest00003,sqli,false,89
BenchmarkTest00004,sqli,false,89
BenchmarkTest00005,hash,TRUE,328
BenchmarkTest00006,hash,false,328
"""


def test_csv_rows_become_cases_and_comments_are_skipped() -> None:
    cases = owasp.parse_expected(CSV)
    assert [(c.name, c.category, c.real, c.cwe) for c in cases[:1]] == [
        ("BenchmarkTest00001", "sqli", True, 89)
    ]
    assert len(cases) == 6
    assert [c.real for c in cases] == [True, True, False, False, True, False]


@pytest.mark.parametrize(
    "row", ["BenchmarkTest00001,sqli,maybe,89", "BenchmarkTest00001,sqli,true", "X,sqli,true,CWE"]
)
def test_a_malformed_row_is_an_error_naming_its_line(row: str) -> None:
    with pytest.raises(ValueError, match="line 2"):
        owasp.parse_expected("# header\n" + row + "\n")


def test_tpr_fpr_and_score_per_category_and_the_mean_over_categories() -> None:
    cases = owasp.parse_expected(CSV)
    reported = {
        "BenchmarkTest00001": {89},  # real, flagged
        "BenchmarkTest00002": {79},  # real, but another weakness: not flagged
        "BenchmarkTest00003": {89, 79},  # safe, flagged
        "BenchmarkTest00005": {327},  # weak hash reported as broken crypto: equivalent
    }
    scores = {s.category: s for s in owasp.score(cases, reported)}
    sqli, hashing = scores["sqli"], scores["hash"]
    assert (sqli.tp, sqli.fn, sqli.fp, sqli.tn) == (1, 1, 1, 1)
    assert (sqli.tpr, sqli.fpr, sqli.score) == (0.5, 0.5, 0.0)
    assert (hashing.tp, hashing.fn, hashing.fp, hashing.tn) == (1, 0, 0, 1)
    assert hashing.score == 1.0
    assert owasp.overall(list(scores.values())) == 0.5


def test_strict_matching_drops_the_equivalences() -> None:
    cases = owasp.parse_expected(CSV)
    scores = {s.category: s for s in owasp.score(cases, {"BenchmarkTest00005": {327}}, strict=True)}
    assert scores["hash"].tp == 0
    assert scores["hash"].score == 0.0


def test_a_category_without_safe_tests_has_no_false_positive_rate() -> None:
    cases = owasp.parse_expected("BenchmarkTest00001,xss,true,79\n")
    (only,) = owasp.score(cases, {"BenchmarkTest00001": {80}})
    assert (only.tpr, only.fpr, only.score) == (1.0, 0.0, 1.0)


def test_sarif_results_count_with_their_rules_cwe_tags(tmp_path: Path) -> None:
    sarif = {
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "Scanner",
                        "version": "1.0",
                        "rules": [
                            {
                                "id": "R1",
                                "properties": {"tags": ["security", "external/cwe/cwe-89"]},
                            }
                        ],
                    }
                },
                "results": [
                    {"ruleId": "R1", "locations": [_loc("app/BenchmarkTest00001.py")]},
                    {"ruleId": "R1", "locations": [_loc("app/BenchmarkTest00003.py")]},
                    {"ruleId": "R1", "locations": [_loc("helpers/db.py")]},
                ],
            }
        ]
    }
    path = tmp_path / "scanner.sarif"
    path.write_text(json.dumps(sarif))
    name, reported = owasp.read_tool_results(path)
    assert name == "Scanner 1.0"
    assert reported == {"BenchmarkTest00001": {89}, "BenchmarkTest00003": {89}}


def test_zap_alerts_name_the_test_in_their_url(tmp_path: Path) -> None:
    path = tmp_path / "zap.xml"
    path.write_text(
        '<?xml version="1.0"?><OWASPZAPReport version="X"><site><alerts><alertitem>'
        "<cweid>79</cweid><instances><instance>"
        "<uri>https://localhost/app/xss-00/BenchmarkTest00002.html?a=b</uri>"
        "</instance></instances></alertitem></alerts></site></OWASPZAPReport>"
    )
    assert owasp.read_tool_results(path)[1] == {"BenchmarkTest00002": {79}}


def test_end_to_end_our_engine_flags_the_weak_hash_and_not_the_strong_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "expectedresults-0.0.csv").write_text(
        "# header\nBenchmarkTest00001,hash,true,328\nBenchmarkTest00002,hash,false,328\n"
    )
    code = tmp_path / "testcode"
    code.mkdir()
    body = "import hashlib\n\n\ndef digest(data):\n    return hashlib.{}(data).hexdigest()\n"
    (code / "BenchmarkTest00001.py").write_text(body.format("md5"))
    (code / "BenchmarkTest00002.py").write_text(body.format("sha256"))
    argv = ["--benchmark", str(tmp_path), "--lang", "python", "--jobs", "1"]
    assert owasp.main(argv) == 0
    out = capsys.readouterr().out
    assert "2 files reviewed" in out
    assert "| hash | 328 | 1 | 1 | 1.00 | 0.00 | +1.00 |" in out
    assert "**+1.000**" in out
    assert "BenchmarkTest0000" not in out  # aggregates only, never a file


def _loc(uri: str) -> dict[str, object]:
    return {"physicalLocation": {"artifactLocation": {"uri": uri}}}

"""Per-finding severity for the false-alarm classes of the security precision sets
fixed in docs/benchmarks.md, "secprec3": what stays inline and what goes to the summary."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from tests.rule_helpers import fixture_case, run_rule


def _severities(rule: str, fixture: str) -> dict[int, Severity]:
    case = fixture_case(rule, fixture)
    findings = run_rule([added_file(case.path, case.code)], rule)
    assert sorted(f.line for f in findings) == sorted(case.lines)
    return {f.line: f.severity for f in findings}


def test_random_value_the_code_calls_a_dummy_goes_to_the_summary() -> None:
    for name in ("java-4.java", "kotlin-2.kt"):
        got = _severities("insecure-random", name)
        first, second = sorted(got)
        assert got[first] is Severity.INFO, name
        assert got[second] is Severity.HIGH, name


def test_secret_in_demo_code_goes_to_the_summary() -> None:
    (line,) = fixture_case("secret-literal", "php-2.php").lines
    assert _severities("secret-literal", "php-2.php") == {line: Severity.INFO}
    (line,) = fixture_case("secret-literal", "php.php").lines
    assert _severities("secret-literal", "php.php") == {line: Severity.HIGH}


def test_security_finding_under_a_not_for_production_comment_goes_to_the_summary() -> None:
    (line,) = fixture_case("csrf-disabled", "hocon-2.conf").lines
    assert _severities("csrf-disabled", "hocon-2.conf") == {line: Severity.INFO}
    # "Only ... posts here" is no such note: the finding stays inline.
    (line,) = fixture_case("csrf-disabled", "python-3.py").lines
    assert _severities("csrf-disabled", "python-3.py") == {line: Severity.HIGH}


def test_jvm_header_injection_goes_to_the_summary() -> None:
    (line,) = fixture_case("header-injection", "java.java").lines
    assert _severities("header-injection", "java.java") == {line: Severity.INFO}
    (line,) = fixture_case("header-injection", "php.php").lines
    assert _severities("header-injection", "php.php") == {line: Severity.MEDIUM}

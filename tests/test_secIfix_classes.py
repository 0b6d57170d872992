"""False-alarm classes of the freshly judged security set I (docs/benchmarks.md, `secIfix`):
the ones a rule fixture under tests/rules/ cannot show (a severity, not a line)."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Finding, Severity
from bot.rules.engine import registry, run_rules
from bot.select import select_backend


def _findings(path: str, code: str, rule: str) -> list[Finding]:
    kept, _ = select_backend([added_file(path, code)])
    run = run_rules(kept, only=[rule])
    assert run.errors == []
    return [f for f in run.findings if f.rule == registry().canonical(rule)]


def test_yaml_full_loader_is_info_not_inline() -> None:
    code = "import yaml\n\ndef parse(text):\n    return yaml.load(text, Loader=yaml.FullLoader)\n"
    found = _findings("app/config_forms.py", code, "unsafe-deserialization")
    assert [(f.line, f.severity) for f in found] == [(4, Severity.INFO)]
    assert "PyYAML 5.4" in found[0].body


def test_yaml_unsafe_and_default_loaders_stay_inline() -> None:
    code = (
        "import yaml\n\n"
        "def parse(text):\n"
        "    return yaml.load(text, Loader=yaml.UnsafeLoader)\n\n"
        "def parse_any(text):\n"
        "    return yaml.load(text)\n"
    )
    found = _findings("app/config_forms.py", code, "unsafe-deserialization")
    assert [f.line for f in found] == [4, 7]
    assert all(f.severity is not Severity.INFO for f in found)

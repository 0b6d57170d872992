"""Analyzer codes (ruff, squawk, detect-secrets) are rule data: each rule.yml names the
codes it reports, and the loader refuses a wrong entry with one line naming the key."""

from __future__ import annotations

import pytest

from bot.rules import python_ruff, secrets, sql_squawk
from bot.rules.loader import Catalog, CatalogError, builtin_catalog, parse_rule

_RULE = """\
id: py-thing
aliases: [py-old-thing]
category: security
severity: medium
cwe: [20]
title: t
rationale: r
fix: f
languages: [python]
check:
  kind: analyzer
  tool: ruff
  codes: [S999]
"""


def test_the_analyzer_modules_read_their_codes_from_the_catalogue() -> None:
    codes = builtin_catalog().codes
    assert python_ruff.code_to_rule()["S506"] == "py-yaml-unsafe-load"
    assert python_ruff.code_to_rule()["S113"] == "py-request-no-timeout"
    assert sql_squawk.squawk_rules()["ban-drop-table"] == "pg-drop-table"
    assert sql_squawk.squawk_rules()["require-concurrent-index-creation"] == (
        "pg-create-index-blocking"
    )
    assert "AWSKeyDetector" in codes["detect-secrets"]
    assert {name for name, _ in secrets._plugins()} == set(codes["detect-secrets"])


def test_every_code_reports_under_its_rule_or_one_of_its_old_ids() -> None:
    catalog = builtin_catalog()
    for tool, codes in catalog.codes.items():
        assert codes, tool
        for code, name in codes.items():
            assert catalog.canonical(name) in catalog.rules, (tool, code, name)


def test_a_list_of_codes_reports_under_the_rule_and_a_mapping_under_the_id_it_names() -> None:
    spec = parse_rule(_RULE, "rule.yml")
    assert spec.check.own().reported_as(spec.id) == {"S999": "py-thing"}
    spec = parse_rule(_RULE.replace("[S999]", "{S999: py-old-thing}"), "rule.yml")
    assert spec.check.own().reported_as(spec.id) == {"S999": "py-old-thing"}
    assert spec.check.modules() == {"python_ruff"}


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  codes: [S999]\n", "", r"key 'check': codes are required when kind is analyzer"),
        ("  tool: ruff\n", "", r"key 'check': tool is required"),
        ("tool: ruff", "tool: bandit", r"key 'check.tool'"),
        ("[S999]", "[drop-table]", r"key 'check': 'drop-table' is not a ruff code"),
        (
            "[S999]",
            "{S999: py-other}",
            r"check.codes: S999 is reported as 'py-other', which is neither",
        ),
        (
            "  kind: analyzer\n  tool: ruff\n  codes: [S999]\n",
            "  kind: python\n  module: python_ruff\n  codes: [S999]\n",
            r"key 'check': tool and codes are for kind analyzer only",
        ),
        (
            "  codes: [S999]\n",
            "  codes: [S999]\n  module: python_ruff\n",
            r"key 'check': module is for kind python only",
        ),
        (
            "  codes: [S999]\n",
            "  codes: [S999]\n  by-language:\n"
            "    python: {kind: analyzer, tool: squawk, codes: [X1]}\n",
            r"key 'check.by-language.python': 'X1' is not a squawk code",
        ),
    ],
)
def test_a_wrong_analyzer_entry_is_one_error_naming_the_key(
    old: str, new: str, message: str
) -> None:
    assert old in _RULE
    with pytest.raises(CatalogError, match=message):
        parse_rule(_RULE.replace(old, new), "rule.yml")


def test_a_code_two_rules_claim_is_an_error_naming_the_second_file() -> None:
    catalog = Catalog()
    catalog.add(parse_rule(_RULE, "a/rule.yml"), "a/rule.yml")
    other = _RULE.replace("py-thing", "py-thing-two").replace("py-old-thing", "py-old-two")
    with pytest.raises(
        CatalogError, match=r"^b/rule.yml: key 'check.codes': ruff S999 is already reported"
    ):
        catalog.add(parse_rule(other, "b/rule.yml"), "b/rule.yml")


def test_no_analyzer_module_keeps_a_code_table() -> None:
    """The code -> id map is in rule.yml: no dict literal in these modules maps a
    string to a rule id (fixers keyed by code are logic, and map to functions)."""
    import ast
    import inspect

    catalog = builtin_catalog()
    ids = set(catalog.rules) | set(catalog.aliases)
    for module in (python_ruff, sql_squawk, secrets):
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.Dict):
                values = {v.value for v in node.values if isinstance(v, ast.Constant)}
                assert not values & ids, (module.__name__, sorted(values & ids))


_TWO_CHECKS = """\
id: x-injection
aliases: [x-old]
category: security
severity: high
cwe: [94]
title: t
rationale: r
fix: f
check:
  kind: ast-grep
  by-language:
    ruby:
    - {kind: ast-grep}
    - {kind: python, module: taint.checks}
    python: [{kind: analyzer, tool: ruff, codes: {S307: x-old}}, {kind: python, module: a_mod}]
variants:
  x-old: {title: t2, rationale: r2, fix: f2, severity: medium, cwe: [95]}
"""


def test_two_checks_may_answer_for_one_language_when_listed() -> None:
    spec = parse_rule(_TWO_CHECKS, "rule.yml", {"ruby": "rule: {pattern: eval($X)}\n"})
    assert spec.languages == ("python", "ruby")
    assert [c.kind for c in spec.check.for_language("ruby")] == ["ast-grep", "python"]
    assert spec.check.modules() == {"taint.checks", "python_ruff", "a_mod"}
    catalog = Catalog()
    catalog.add(spec, "rule.yml")
    assert catalog.module_languages() == {
        "declarative": frozenset({"ruby"}),
        "taint": frozenset({"ruby"}),
        "python_ruff": frozenset({"python"}),
        "a_mod": frozenset({"python"}),
    }
    assert catalog.codes == {"ruff": {"S307": "x-old"}}


def test_a_second_check_beside_a_pattern_must_list_the_pattern_too() -> None:
    text = _TWO_CHECKS.replace("    - {kind: ast-grep}\n", "")
    with pytest.raises(CatalogError, match=r"check.by-language.ruby: the language has an ast-grep"):
        parse_rule(text, "rule.yml", {"ruby": "rule: {pattern: eval($X)}\n"})


def test_an_old_id_keeps_its_own_cwe_in_findings() -> None:
    from bot.rules.engine import variant_rule

    spec = parse_rule(_TWO_CHECKS, "rule.yml", {"ruby": "rule: {pattern: eval($X)}\n"})
    assert variant_rule(spec, "x-old").cwe == (95,)
    assert variant_rule(spec, "x-injection").cwe == (94,)


def test_a_pattern_folded_in_from_an_old_id_reports_under_it_with_its_wording() -> None:
    from bot.diff import added_file
    from bot.rules.engine import run_rules
    from bot.select import select_backend

    code = "class C {\n  ObjectMapper m() {\n    mapper.enableDefaultTyping();\n  }\n}\n"
    files, _ = select_backend([added_file("src/main/java/app/C.java", code)])
    (finding,) = run_rules(files, only=["unsafe-deserialization"]).findings
    assert finding.rule == "unsafe-deserialization"
    assert finding.title.startswith("Jackson told to instantiate")
    bad = _TWO_CHECKS.replace("    - {kind: ast-grep}\n", "    - {kind: ast-grep}\n", 1)
    with pytest.raises(CatalogError, match=r"ast-grep.ruby.reported-as: 'x-other' is neither"):
        parse_rule(bad, "rule.yml", {"ruby": "reported-as: x-other\nrule: {pattern: eval($X)}\n"})

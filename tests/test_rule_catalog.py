"""The catalogue is the one place rule metadata is read from."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import bot.rules
from bot.consolidate import ProblemClass, consolidate, problem_class
from bot.diff import added_file
from bot.models import Category, Finding, Source
from bot.report.markdown import comment_text
from bot.report.sarif import rule_descriptors
from bot.rules.declarative import checks_for
from bot.rules.engine import registry, run_rules
from bot.rules.fixture_files import parse
from bot.rules.loader import builtin_catalog, load_team_rules
from bot.rules.scaffold import scaffold
from bot.select import select_backend

README = Path(__file__).parent.parent / "README.md"
TEAM_PATH = ".github/bastion/rules/no-legacy-billing-client.yml"


RULES_DIR = Path(bot.rules.__file__).parent
# The engine defines Rule and RuleCase and builds them from rule.yml files.
_BUILDS_RULES = {"engine.py", "loader.py", "declarative.py"}


def rule_literals(root: Path) -> list[str]:
    """`path:line Name(` for each `Rule(`/`RuleCase(` a module under `root` constructs:
    rule text and fixtures belong in rule.yml and tests/rules, not in check code."""
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in _BUILDS_RULES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in {"Rule", "RuleCase"}:
                found.append(f"{root.name}/{rel}:{node.lineno} {name}(")
    return found


def test_no_check_module_builds_a_rule_or_a_case() -> None:
    """Checks name their rules (`catalog_rule(s)`); the words are in rule.yml."""
    assert rule_literals(RULES_DIR) == []


def test_the_rule_literal_scan_finds_one(tmp_path: Path) -> None:
    (tmp_path / "taint").mkdir()
    (tmp_path / "taint" / "x.py").write_text(
        "from bot.rules import engine\nR = engine.Rule(id='x')\nC = RuleCase(path='a', code='')\n"
    )
    (tmp_path / "engine.py").write_text("R = Rule(id='x')\n")
    assert rule_literals(tmp_path) == [
        f"{tmp_path.name}/taint/x.py:2 Rule(",
        f"{tmp_path.name}/taint/x.py:3 RuleCase(",
    ]


def test_every_security_rule_has_a_cwe_and_no_other_rule_has_one() -> None:
    for rule in registry().rules.values():
        assert bool(rule.cwe) == (rule.category is Category.SECURITY), rule.id


def test_old_ids_are_reported_under_the_merged_id_with_their_own_wording() -> None:
    files, _ = select_backend([added_file("svc/client.py", "import requests\nrequests.get(url)\n")])
    (finding,) = run_rules(files, only=["py-request-no-timeout"]).findings
    assert finding.rule == "http-request-no-timeout"
    assert finding.title == "HTTP request without a timeout"  # the Python variant's title
    assert finding.cwe == 1088
    assert "py-request-no-timeout" in registry().rules["http-request-no-timeout"].aliases


def test_an_old_id_in_a_suppression_still_silences_the_merged_rule() -> None:
    code = "import requests\nrequests.get(url)  # bastion: ignore[py-request-no-timeout]\n"
    files, _ = select_backend([added_file("svc/client.py", code)])
    assert run_rules(files, only=["http-request-no-timeout"]).findings == []


def test_a_merge_keeps_every_old_ids_problem_class() -> None:
    """Fingerprints are by problem class: a merged id in the old class means no re-post.
    A report a check still makes under the old id keeps that id's class, none included
    (a GraphQL break never had one), and the fingerprint it was posted under."""
    catalog = builtin_catalog()
    for spec in catalog.rules.values():
        classes: set[ProblemClass | None] = set()
        for alias in spec.aliases:
            old = Finding(
                path="a",
                line=1,
                end_line=1,
                category=spec.category,
                severity=spec.severity,
                rule=alias,
                title="t",
                body="b",
            )
            reported = old.model_copy(
                update={
                    "rule": spec.id,
                    "cwe": spec.cwe[0] if spec.cwe else None,
                    "reported_as": alias,
                }
            )
            assert problem_class(old) == problem_class(reported), alias
            (before,) = consolidate([old], {})
            (after,) = consolidate([reported], {})
            assert before.fingerprint in {after.fingerprint, *after.legacy_fingerprints}, alias
            classes.add(problem_class(old))
        if len(classes) == 1:
            # Old ids that agree on a class: the rule's own id is in it too.
            new = Finding(
                path="a",
                line=1,
                end_line=1,
                category=spec.category,
                severity=spec.severity,
                rule=spec.id,
                title="t",
                body="b",
                cwe=spec.cwe[0] if spec.cwe else None,
            )
            assert problem_class(new) in classes, spec.id


def test_a_cwe_on_a_rule_finding_does_not_move_it_to_another_problem_class() -> None:
    for rule in registry().rules.values():
        plain = Finding(
            path="a",
            line=1,
            end_line=1,
            category=rule.category,
            severity=rule.severity,
            rule=rule.id,
            title="t",
            body="b",
        )
        with_cwe = plain.model_copy(update={"cwe": rule.cwe[0] if rule.cwe else None})
        name = lambda f: getattr(problem_class(f), "name", f.rule)  # noqa: E731
        assert name(plain) == name(with_cwe), rule.id


def test_json_catalogue_lists_cwe_and_aliases() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "rules", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    items = {item["id"]: item for item in json.loads(done.stdout)}
    assert items["sql-injection"]["cwe"] == [89]
    assert "pg-create-index-blocking" in items["index-build-blocking"]["aliases"]
    assert items["select-star"]["cwe"] == []


def test_sarif_rules_carry_cwe_tags_and_security_severity() -> None:
    finding = Finding(
        path="a.py",
        line=1,
        end_line=1,
        category=Category.SECURITY,
        severity=registry().rules["sql-injection"].severity,
        rule="sql-injection",
        title="t",
        body="b",
        cwe=89,
    )
    (descriptor,) = rule_descriptors([finding], registry().rules)
    props = descriptor["properties"]
    assert isinstance(props, dict)
    assert props["tags"] == ["security", "external/cwe/cwe-89"]
    assert props["security-severity"] == "8.0"


def test_comment_footer_links_the_cwe() -> None:
    finding = Finding(
        path="a.py",
        line=1,
        end_line=1,
        category=Category.SECURITY,
        severity=registry().rules["ssrf"].severity,
        rule="ssrf",
        title="t",
        body="b",
        cwe=918,
        source=Source.RULES,
    )
    assert "[CWE-918](https://cwe.mitre.org/data/definitions/918.html)" in comment_text(finding)


def _readme_team_rule() -> str:
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- team-rule-example -->", 1)[1]
    return re.search(r"```yaml\n(.*?)```", block, re.DOTALL).group(1)  # type: ignore[union-attr]


def test_the_readme_team_rule_loads_and_flags_what_it_says() -> None:
    team = load_team_rules(
        [(".github/bastion/rules/no-legacy-billing-client.yml", _readme_team_rule())]
    )
    assert team.errors == []
    (check,) = checks_for(team.rules)
    code = "from billing import LegacyBillingClient\nclient = LegacyBillingClient(key)\n"
    files, _ = select_backend([added_file("app/pay.py", code)])
    run = run_rules(files, only=["no-legacy-billing-client"], extra_checks=[check])
    assert [(f.rule, f.line, f.cwe) for f in run.findings] == [("no-legacy-billing-client", 2, 477)]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("id: x\n", "key 'category'"),
        ("id: BAD\ncategory: security\n", "key 'id'"),
        (
            _readme_team_rule().replace("kind: ast-grep", "kind: python\n  module: os"),
            "key 'check.kind': a team's rule must be ast-grep",
        ),
        (_readme_team_rule().replace("python:", "cobol:"), "ast-grep has no parser for: cobol"),
        (_readme_team_rule() + "colour: red\n", "unknown key 'colour'"),
    ],
)
def test_a_bad_team_rule_is_one_line_naming_file_and_key(text: str, error: str) -> None:
    path = ".github/bastion/rules/no-legacy-billing-client.yml"
    team = load_team_rules([(path, text)])
    assert team.rules == [] and len(team.errors) == 1
    assert team.errors[0].startswith(path) and error in team.errors[0], team.errors[0]


def test_team_rules_run_for_one_call_and_never_join_the_shared_registry() -> None:
    (check,) = checks_for(load_team_rules([(TEAM_PATH, _readme_team_rule())]).rules)
    code = "client = LegacyBillingClient(key)\n"
    files, _ = select_backend([added_file("app/pay.py", code)])
    assert [f.rule for f in run_rules(files, extra_checks=[check]).findings] == [
        "no-legacy-billing-client"
    ]
    assert run_rules(files).findings == []
    assert "no-legacy-billing-client" not in registry().names()


@pytest.mark.parametrize("taken", ["ssrf", "rails-add-index-blocking"])
def test_a_team_rule_may_not_take_a_built_in_id_or_old_id(taken: str) -> None:
    """Through `team_checks` (what the App, the Action and the CLI load with), and in
    the engine itself should a caller skip the loader."""
    from bot.rules.declarative import AstGrepRuleCheck, team_checks

    catalog = builtin_catalog()
    assert taken in catalog.rules or taken in catalog.aliases
    path = f".github/bastion/rules/{taken}.yml"
    text = _readme_team_rule().replace("no-legacy-billing-client", taken)
    checks, errors = team_checks([(path, text)])
    assert checks == []
    assert errors == [f"{path}: key 'id': rule id '{taken}' is already used"]
    spec = load_team_rules([(path, text)]).rules[0]
    with pytest.raises(ValueError, match="already used"):
        registry().with_checks([AstGrepRuleCheck(spec)])


def test_a_team_rule_cannot_take_a_built_in_id() -> None:
    text = _readme_team_rule().replace("no-legacy-billing-client", "ssrf")
    team = load_team_rules([(".github/bastion/rules/ssrf.yml", text)], taken=registry().rules)
    assert team.rules == [] and "already used" in team.errors[0]


@pytest.mark.parametrize("lang", ["python", "javascript", "go", "java", "ruby", "php"])
def test_scaffolded_rule_and_fixtures_work_before_the_first_edit(tmp_path: Path, lang: str) -> None:
    written = scaffold(tmp_path, "my-new-rule", lang, "security", team=True)
    rule_file = next(p for p in written if p.suffix == ".yml")
    team = load_team_rules([(f".github/bastion/rules/{rule_file.name}", rule_file.read_text())])
    assert team.errors == [] or team.errors[0].endswith("cwe") is False
    (check,) = checks_for(team.rules)
    from bot.rules.engine import add_check, remove_check

    add_check(check)
    try:
        for path in written:
            if "tests" not in path.parts:
                continue
            fixture = parse("my-new-rule", path)
            files, skipped = select_backend([added_file(fixture.path, fixture.code)])
            assert files, skipped
            run = run_rules(files, only=["my-new-rule"])
            assert [f.line for f in run.findings] == list(fixture.lines), path.name
    finally:
        remove_check(check)


def test_a_check_can_name_its_rules_by_id_and_get_the_catalogues_wording() -> None:
    from bot.rules.engine import catalog_rules

    (merged, old) = catalog_rules("http-request-no-timeout", "py-request-no-timeout")
    assert merged.title == builtin_catalog().rules["http-request-no-timeout"].title
    assert old.id == "py-request-no-timeout"
    assert old.title == "HTTP request without a timeout"
    with pytest.raises(KeyError, match="no-such-rule"):
        catalog_rules("no-such-rule")


def test_flow_rules_list_the_languages_whose_taint_data_has_their_sinks() -> None:
    """A flow rule's languages live in its rule.yml; a data file gaining a class for a
    language must show in the catalogue too."""
    from bot.rules.engine import catalog_languages
    from bot.rules.taint import spec
    from bot.rules.taint.api import LANGUAGES
    from bot.rules.taint.checks import RULES

    for rule in RULES:
        wanted = {
            language
            for language in LANGUAGES
            if any(
                item.rule == rule.id
                for item in spec.load(
                    "javascript" if language == "typescript" else language
                ).classes.values()
            )
        }
        # A folded rule's other languages are other modules' (`check.by-language`).
        assert catalog_languages(rule.id, "taint.checks") == wanted, rule.id


def test_a_built_in_ast_grep_security_rule_leaves_test_code_alone_like_the_pattern_checks() -> None:
    code = (
        "var handler = new HttpClientHandler\n{\n"
        "    ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true,\n};\n"
    )
    rule = "tls-verification-disabled"
    assert builtin_catalog().rules[rule].check.kind == "ast-grep"
    files, _ = select_backend([added_file("Infrastructure/HttpSetup.cs", code)])
    assert [f.line for f in run_rules(files, only=[rule]).findings] == [3]
    files, _ = select_backend([added_file("tests/HttpSetupTests.cs", code)])
    assert files
    assert run_rules(files, only=[rule]).findings == []


def test_a_python_rule_names_the_module_whose_check_reports_it() -> None:
    catalog = builtin_catalog()
    reported: dict[str, set[str]] = {}
    for check in registry().checks:
        module = type(check).__module__.removeprefix("bot.rules.")
        for rule in check.rules:
            reported.setdefault(catalog.canonical(rule.id), set()).add(module)
    for spec in catalog.rules.values():
        for module in spec.check.modules():
            assert module in reported.get(spec.id, set()), (spec.id, reported)


def test_a_broken_shipped_rule_file_is_one_error_naming_the_file() -> None:
    from bot.rules.loader import CatalogError, parse_rule

    with pytest.raises(CatalogError, match=r"^catalog/x/rule.yml: not valid YAML"):
        parse_rule("id: [unclosed\n", "catalog/x/rule.yml", builtin=True)
    with pytest.raises(CatalogError, match=r"python.yml is not valid YAML"):
        parse_rule("id: x\n", "catalog/x/rule.yml", {"python": "rule: {pattern: [\n"}, builtin=True)


_BY_LANGUAGE = """\
id: mixed-rule
category: security
severity: low
cwe: [328]
title: t
rationale: r
fix: f
check:
  kind: ast-grep
  by-language:
    csharp: {kind: python, module: security_crypto}
"""


def test_a_rule_can_be_checked_one_way_in_some_languages_and_another_in_others() -> None:
    from bot.rules.loader import parse_rule

    spec = parse_rule(_BY_LANGUAGE, "rule.yml", {"java": "rule: {pattern: md5()}\n"})
    assert spec.languages == ("csharp", "java")
    assert spec.check.for_language("java")[0].kind == "ast-grep"
    assert spec.check.for_language("csharp")[0].module == "security_crypto"
    assert spec.check.modules() == {"security_crypto"}


@pytest.mark.parametrize(
    ("change", "extra", "message"),
    [
        ("csharp: {kind: python}", {}, "module is required"),
        ("cobol: {kind: python, module: x}", {}, "unknown language 'cobol'"),
        ("csharp: {kind: ast-grep}", {}, "ast-grep needs a csharp.yml"),
        (
            "java: {kind: python, module: x}",
            {"java": "rule: {pattern: md5()}\n"},
            "also checked by kind python",
        ),
    ],
)
def test_a_wrong_by_language_entry_is_one_error_naming_the_key(
    change: str, extra: dict[str, str], message: str
) -> None:
    from bot.rules.loader import CatalogError, parse_rule

    text = _BY_LANGUAGE.replace("csharp: {kind: python, module: security_crypto}", change)
    extra = extra or {"go": "rule: {pattern: md5()}\n"}
    with pytest.raises(CatalogError, match=message):
        parse_rule(text, "rule.yml", extra)


def test_a_python_rule_must_list_the_languages_it_names_by_language() -> None:
    from bot.rules.loader import CatalogError, parse_rule

    text = _BY_LANGUAGE.replace("kind: ast-grep\n", "kind: python\n  module: security_crypto\n")
    text = text.replace("check:", "languages: [java]\ncheck:")
    with pytest.raises(CatalogError, match="csharp not in languages"):
        parse_rule(text, "rule.yml")


def test_folded_ids_answer_to_their_old_names_everywhere() -> None:
    """The per-language ids of this family are one id each now; old ids still resolve."""
    catalog = builtin_catalog()
    for old, new in {
        "py-weak-hash": "weak-hash",
        "csharp-insecure-random": "insecure-random",
        "scala-insecure-random": "insecure-random",
        "csharp-cookie-insecure": "cookie-insecure",
        "csharp-weak-crypto": "weak-cipher",
        "scala-weak-crypto": "weak-cipher",
    }.items():
        assert catalog.canonical(old) == new
        assert old not in catalog.rules
    code = "var random = new Random();\nvar resetToken = random.Next().ToString();\n"
    files, _ = select_backend([added_file("Services/Tokens.cs", code)])
    (finding,) = run_rules(files, only=["csharp-insecure-random"]).findings
    assert finding.rule == "insecure-random"
    suppressed = code.replace(
        ".ToString();", ".ToString(); // bastion: ignore[csharp-insecure-random]"
    )
    files, _ = select_backend([added_file("Services/Tokens.cs", suppressed)])
    assert run_rules(files).findings == []
    from bot.config import RulesConfig

    files, _ = select_backend([added_file("Services/Tokens.cs", code)])
    off = RulesConfig(disable=["csharp-insecure-random"])
    assert [f for f in run_rules(files, off).findings if f.rule == "insecure-random"] == []


def test_no_rule_or_taint_file_repeats_a_key() -> None:
    """YAML keeps the last of two equal keys without a word: a second `not:` in an
    ast-grep rule silently dropped the first exclusion when two branches merged."""
    import yaml

    class _Strict(yaml.SafeLoader):
        pass

    def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
        # `<<: *anchor` merges may be overridden on purpose: only written keys count.
        keys = [
            loader.construct_object(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"
        ]
        loader.flatten_mapping(node)
        repeated = {k for k in keys if keys.count(k) > 1}
        assert not repeated, f"line {node.start_mark.line + 1}: repeated key(s) {repeated}"
        return loader.construct_mapping(node)

    _Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    root = Path(__file__).resolve().parent.parent / "bot" / "rules"
    files = sorted(root.rglob("*.yml"))
    assert len(files) > 100
    for path in files:
        try:
            yaml.load(path.read_text(encoding="utf-8"), Loader=_Strict)  # noqa: S506
        except AssertionError as exc:
            raise AssertionError(f"{path.relative_to(root)}: {exc}") from None

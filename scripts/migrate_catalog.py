"""Write the rule catalogue and fixture files from the rules still declared in Python.

    python scripts/migrate_catalog.py [--overwrite]

For every `Rule` a check in `bot.rules` declares, writes
`bot/rules/catalog/<category>/<rule-id>/rule.yml` (with the CWE ids below for
security rules) and turns its `positive`/`negative` cases into fixture files under
`tests/rules/<rule-id>/`. Rules merged into one (`MERGES`) get one rule.yml with
the old ids as aliases and their wording as variants. Re-runnable: files that exist
are left alone unless `--overwrite`, so hand edits to the catalogue survive.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.models import Category  # noqa: E402
from bot.rules import engine  # noqa: E402
from bot.rules.engine import Rule, RuleCase  # noqa: E402
from bot.rules.fixture_files import file_name, render  # noqa: E402

CATALOG = ROOT / "bot" / "rules" / "catalog"
FIXTURES = ROOT / "tests" / "rules"

# The weakness each security rule reports, most specific first (cwe.mitre.org).
CWE: dict[str, tuple[int, ...]] = {
    "csharp-sql-injection": (89,),
    "csharp-weak-crypto": (327, 328),
    "csharp-insecure-random": (338,),
    "csharp-tls-validation-disabled": (295,),
    "csharp-jwt-validation-disabled": (347,),
    "csharp-cookie-insecure": (614, 1004),
    "csharp-cors-any-origin-with-credentials": (942, 346),
    "csharp-connection-string-password": (798,),
    "csharp-xxe": (611,),
    "scala-weak-crypto": (327, 328),
    "scala-insecure-random": (338,),
    "scala-tls-validation-disabled": (295,),
    "play-csrf-disabled": (352,),
    "py-sql-injection": (89,),
    "go-sql-injection": (89,),
    "jvm-sql-injection": (89,),
    "ruby-sql-injection": (89,),
    "php-sql-injection": (89,),
    "js-sql-injection": (89,),
    "py-yaml-unsafe-load": (502,),
    "py-pickle-untrusted": (502,),
    "unsafe-deserialization": (502,),
    "py-shell-injection": (78,),
    "command-injection": (78,),
    "py-tls-verify-disabled": (295,),
    "tls-verification-disabled": (295,),
    "py-ssh-auto-add-host-key": (322, 295),
    "http-request-no-timeout": (1088, 400),
    "py-flask-debug": (489, 215),
    "django-debug-true": (489, 215),
    "py-eval-exec": (95,),
    "eval-injection": (95,),
    "code-injection": (94,),
    "py-weak-hash": (328,),
    "password-fast-hash": (916, 328),
    "weak-cipher": (327,),
    "py-tar-extractall": (22,),
    "path-traversal": (22,),
    "secret-literal": (798,),
    "jwt-verification-disabled": (347,),
    "py-jwt-verification-disabled": (347,),
    "cors-any-origin-with-credentials": (942, 346),
    "py-cors-any-origin-with-credentials": (942, 346),
    "php-cors-any-origin-with-credentials": (942, 346),
    "jinja-autoescape-disabled": (79, 116),
    "reflected-xss": (79,),
    "py-mass-assignment": (915,),
    "mass-assignment": (915,),
    "xxe": (611,),
    "ssrf": (918,),
    "route-missing-auth-guard": (306, 862),
    "nosql-injection": (943,),
    "open-redirect": (601,),
    "ldap-injection": (90,),
    "xpath-injection": (643,),
    "template-injection": (1336,),
    "header-injection": (113,),
    "log-injection": (117,),
}

# One id per problem: the old ids stay as aliases, each keeping its own wording.
MERGES: dict[str, dict[str, Any]] = {
    "http-request-no-timeout": {
        "aliases": ("py-request-no-timeout", "go-http-no-timeout", "http-client-no-timeout"),
        "category": "security",
        "severity": "medium",
        "title": "Outbound HTTP request without a timeout",
        "rationale": (
            "A call to another service with no timeout waits as long as that service "
            "does. When it hangs, every request holding a worker or a connection waits "
            "with it until the pool is exhausted, and this service stops answering too: "
            "one slow dependency becomes an outage."
        ),
        "fix": (
            "Give every outbound request a connect and a read timeout sized to what the "
            "caller can wait: `timeout=` in requests/httpx, an `http.Client{Timeout: ...}` "
            "in Go, a timeout option or an `AbortSignal.timeout()` in JavaScript clients, "
            "connect/read timeouts on JVM and PHP clients."
        ),
    },
    "index-build-blocking": {
        "aliases": (
            "pg-create-index-blocking",
            "rails-add-index-blocking",
            "django-add-index-blocking",
            "alembic-create-index-blocking",
            "js-migration-index-blocking",
            "laravel-index-blocking",
        ),
        "category": "indexing",
        "severity": "high",
        "title": "Index built in a way that blocks writes to the table",
        "rationale": (
            "A plain index build holds a lock that blocks every insert, update and "
            "delete on the table until the index is built; on a large table that is "
            "minutes of queued or failed writes while the migration runs."
        ),
        "fix": (
            "Build the index concurrently, outside a transaction: `CREATE INDEX "
            "CONCURRENTLY` in PostgreSQL, or the migration framework's way of saying so "
            "(Rails `algorithm: :concurrently` with `disable_ddl_transaction!`, Django "
            "`AddIndexConcurrently`, Alembic `postgresql_concurrently=True`, ...)."
        ),
    },
}
ALIAS_OF = {old: new for new, spec in MERGES.items() for old in spec["aliases"]}


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else (">" if len(value) > 80 else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88)


def _text(rule: Rule) -> dict[str, Any]:
    return {
        "title": rule.title,
        "rationale": rule.rationale.strip(),
        "fix": rule.fix.strip(),
        "severity": rule.severity.value,
    }


def _rule_yaml(rule_id: str, declared: list[tuple[Rule, str]]) -> dict[str, Any]:
    merge = MERGES.get(rule_id)
    first, module = declared[0]
    languages = sorted({lang for rule, _ in declared for lang in rule.languages})
    data: dict[str, Any] = {"id": rule_id}
    if merge:
        data["aliases"] = list(merge["aliases"])
        data |= {k: merge[k] for k in ("category", "severity")}
    else:
        data |= {"category": first.category.value, "severity": first.severity.value}
    category = Category(data["category"])
    if category is Category.SECURITY:
        if rule_id not in CWE:
            raise SystemExit(f"{rule_id}: a security rule needs its CWE ids in CWE")
        data["cwe"] = list(CWE[rule_id])
    text = merge or _text(first)
    data |= {k: text[k] for k in ("title", "rationale", "fix")}
    data["languages"] = languages if merge else list(first.languages)
    data["check"] = {"kind": "python", "module": module}
    if merge:
        data["check"]["module"] = sorted({m for _, m in declared})[0]
        data["variants"] = {
            rule.id: {**_text(rule), "languages": list(rule.languages)} for rule, _ in declared
        }
    return data


def _write(path: Path, text: str, overwrite: bool) -> bool:
    if path.exists() and not overwrite:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return True


def _fixtures(rule_id: str, cases: list[RuleCase], negative: bool, overwrite: bool) -> int:
    written = 0
    counts: dict[str, int] = {}
    for case in cases:
        probe = file_name(case.path, negative, 0)
        n = counts.get(probe, 0)
        counts[probe] = n + 1
        target = FIXTURES / rule_id / file_name(case.path, negative, n)
        code = case.code
        written += _write(target, render(rule_id, case.path, code, tuple(case.lines)), overwrite)
        if case.base is not None:
            base = target.with_name(target.name.replace(".", ".base.", 1))
            written += _write(base, case.base, overwrite)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--overwrite", action="store_true", help="rewrite existing files")
    args = parser.parse_args(argv)
    reg = engine.registry()
    by_id: dict[str, list[tuple[Rule, str]]] = {}
    for check in reg.checks:
        module = type(check).__module__.removeprefix("bot.rules.")
        for rule in check.rules:
            if module == "declarative":
                continue  # already catalogue rules
            by_id.setdefault(ALIAS_OF.get(rule.id, rule.id), []).append((rule, module))
    rules = fixtures = 0
    for rule_id, declared in sorted(by_id.items()):
        data = _rule_yaml(rule_id, declared)
        folder = CATALOG / data["category"] / rule_id
        rules += _write(folder / "rule.yml", _dump(data), args.overwrite)
        positive = [c for rule, _ in declared for c in rule.positive]
        negative = [c for rule, _ in declared for c in rule.negative]
        fixtures += _fixtures(rule_id, positive, False, args.overwrite)
        fixtures += _fixtures(rule_id, negative, True, args.overwrite)
    print(f"{len(by_id)} rules: {rules} rule.yml and {fixtures} fixture files written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Labelled API-contract spec pairs (OpenAPI, protobuf, GraphQL), run through the real
review pipeline. Shared by tests/test_contract_cases.py and bench/contract_bench.py.

Each family's `cases.yaml` (tests/fixtures/rules/<family>/) lists pairs: a base file
(a template in that folder, optionally edited by `base_edits`) and a head made from it
by `edits` — exact text replacements, each of which must apply. `check` is the check id
a breaking change must be reported under, or `safe` for a change that breaks nobody.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.diff import parse_diff
from bot.models import Finding, Severity
from bot.pipeline import review_files
from bot.rules.loader import builtin_catalog

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
FAMILIES = ("openapi", "protobuf", "graphql")
# The ids breaks of each format were reported under, as the catalogue names them now
# (one rule, api-breaking-change, since issue 10).
BREAKING_RULES = frozenset(
    builtin_catalog().canonical(old)
    for old in ("openapi-breaking-change", "proto-breaking-change", "graphql-breaking-change")
)
SAFE = "safe"


@dataclass(frozen=True)
class Case:
    family: str
    name: str
    check: str  # a check id, or "safe"
    path: str  # the path the spec has in the reviewed repository
    base: str
    head: str
    info: str | None = None  # an info-level check a safe change reports

    @property
    def breaking(self) -> bool:
        return self.check != SAFE


def _apply(text: str, edits: list[list[str]], where: str) -> str:
    for old, new in edits:
        if old not in text:
            raise ValueError(f"{where}: edit does not apply: {old[:60]!r}")
        text = text.replace(old, new, 1)
    return text


def load_cases(family: str) -> list[Case]:
    folder = FIXTURES / family
    raw = yaml.safe_load((folder / "cases.yaml").read_text(encoding="utf-8"))
    out = []
    for entry in raw:
        template = (folder / entry["template"]).read_text(encoding="utf-8")
        where = f"{family}: {entry['name']}"
        base = _apply(template, entry.get("base_edits") or [], where)
        head = _apply(base, entry.get("edits") or [], where)
        out.append(
            Case(
                family=family,
                name=entry["name"],
                check=entry["check"],
                path=f"api/{entry['template']}",
                base=base,
                head=head,
                info=entry.get("info"),
            )
        )
    return out


def review_case(case: Case) -> list[Finding]:
    """Every finding the pipeline reports for the change, as `bastion review --git` does:
    the diff between the versions, with both contents known."""
    body = "".join(
        difflib.unified_diff(
            case.base.splitlines(keepends=True),
            case.head.splitlines(keepends=True),
            f"a/{case.path}",
            f"b/{case.path}",
        )
    )
    files = parse_diff(f"diff --git a/{case.path} b/{case.path}\n{body}") if body else []
    files = [f.model_copy(update={"content": case.head, "base_content": case.base}) for f in files]
    return review_files(files).findings


def breaking_findings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule in BREAKING_RULES and f.severity is not Severity.INFO]


def reports(findings: list[Finding], check: str) -> bool:
    """Was the change reported under this check id?"""
    return any(f"`{check}`" in f.body for f in breaking_findings(findings))

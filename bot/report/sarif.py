"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from bot.models import Category, Finding, ReviewResult, Severity, Source

if TYPE_CHECKING:
    from bot.rules.engine import Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
DISTRIBUTION = "bastion-review"
FALLBACK_VERSION = "0.0.0"
# GitHub code scanning rejects a run with more results than this.
MAX_RESULTS = 25_000
FINGERPRINT_KEY = "bastion/v1"

LEVELS = {
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
# GitHub ranks security alerts by this CVSS-like score (critical >= 9, high >= 7 ...).
SECURITY_SEVERITY = {
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "1.0",
}


@lru_cache(maxsize=1)
def tool_version() -> str:
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return FALLBACK_VERSION


@lru_cache(maxsize=1)
def information_uri() -> str | None:
    """The project's home page as packaged (`[project.urls]`), if it declares one."""
    try:
        meta = importlib.metadata.metadata(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "repository", "source"} and url.strip():
            return url.strip()
    home = [h.strip() for h in meta.get_all("Home-page") or [] if h.strip()]
    return home[0] if home else None


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.split("-") if part)


def _rule_descriptor(
    rule_id: str,
    category: Category,
    severity: Severity,
    title: str,
    rationale: str,
    fix: str | None,
    cwe: Sequence[int] = (),
) -> dict[str, object]:
    help_text = rationale.strip() + (f"\n\nFix: {fix.strip()}" if fix else "")
    help_markdown = rationale.strip() + (f"\n\n**Fix:** {fix.strip()}" if fix else "")
    # The "security" tag (the category's own value) is what makes GitHub treat a rule
    # as a security rule and read its security-severity.
    tags = [category.value, *(f"external/cwe/cwe-{n}" for n in cwe)]
    properties: dict[str, object] = {"tags": tags}
    if category is Category.SECURITY:
        properties["security-severity"] = SECURITY_SEVERITY[severity]
    return {
        "id": rule_id,
        "name": _pascal(rule_id) or rule_id,
        "shortDescription": {"text": title},
        "fullDescription": {"text": rationale.strip() or title},
        "help": {"text": help_text or title, "markdown": help_markdown or title},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": properties,
    }


def _from_rule(rule: Rule) -> dict[str, object]:
    return _rule_descriptor(
        rule.id, rule.category, rule.severity, rule.title, rule.rationale, rule.fix, rule.cwe
    )


def _from_findings(rule_id: str, findings: Sequence[Finding]) -> dict[str, object]:
    """A descriptor for a rule the registry does not know (the AI review's, or a rule
    from a newer version), from what its findings say."""
    first = findings[0]
    worst = max((f.severity for f in findings), key=lambda s: s.rank)
    origin = "the AI review" if first.source is Source.LLM else "Bastion's rule engine"
    rationale = f"Reported by {origin}. {first.body.strip()}".strip()
    cwe = sorted({f.cwe for f in findings if f.cwe is not None})
    return _rule_descriptor(rule_id, first.category, worst, first.title, rationale, None, cwe)


def rule_descriptors(
    findings: Sequence[Finding], rules: Mapping[str, Rule] | None
) -> list[dict[str, object]]:
    """One descriptor per rule the findings use, sorted by id."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    known = rules or {}
    return [
        _from_rule(known[rule_id]) if rule_id in known else _from_findings(rule_id, used)
        for rule_id, used in sorted(by_rule.items())
    ]


def artifact_uri(path: str) -> str:
    """A relative URI reference for a repository path (spaces and `#` escaped)."""
    return quote(path.replace("\\", "/").lstrip("/"), safe="/-._~!$&'()*+,;=:@")


def _message(finding: Finding) -> str:
    body = finding.body.strip()
    return f"{finding.title}\n\n{body}" if body else finding.title


def _result(finding: Finding, index: int) -> dict[str, object]:
    region = {"startLine": finding.line, "endLine": max(finding.end_line, finding.line)}
    properties: dict[str, object] = {
        "category": finding.category.value,
        "severity": finding.severity.value,
        "source": finding.source.value,
    }
    if finding.dismissed:
        properties["dismissedByAiReview"] = finding.dismissed
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": _message(finding)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": artifact_uri(finding.path),
                        "uriBaseId": "%SRCROOT%",
                    },
                    "region": region,
                }
            }
        ],
        "properties": properties,
    }
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    return result


def _notifications(result: ReviewResult) -> list[dict[str, object]]:
    """Notes and failed checks, where SARIF viewers show a tool's own troubles."""
    out: list[dict[str, object]] = [
        {"level": "note", "message": {"text": note}} for note in result.notes
    ]
    for error in result.stats.rule_errors:
        where = f" on {error.path}" if error.path else ""
        out.append(
            {"level": "error", "message": {"text": f"{error.rule} failed{where}: {error.error}"}}
        )
    return out


def _invocation(result: ReviewResult) -> dict[str, object]:
    invocation: dict[str, object] = {"executionSuccessful": True}
    if notifications := _notifications(result):
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def _kept(findings: Sequence[Finding], limit: int) -> list[Finding]:
    """The worst `limit` findings, in their original order."""
    if len(findings) <= limit:
        return list(findings)
    ranked = sorted(range(len(findings)), key=lambda i: -findings[i].severity.rank)
    keep = set(ranked[:limit])
    return [f for i, f in enumerate(findings) if i in keep]


def to_dict(
    result: ReviewResult,
    rules: Mapping[str, Rule] | None = None,
    *,
    max_results: int = MAX_RESULTS,
) -> dict[str, object]:
    findings = _kept(result.findings, max_results)
    descriptors = rule_descriptors(findings, rules)
    index = {str(d["id"]): i for i, d in enumerate(descriptors)}
    driver: dict[str, object] = {
        "name": "bastion",
        "version": tool_version(),
        "semanticVersion": tool_version(),
        "rules": descriptors,
    }
    if uri := information_uri():
        driver["informationUri"] = uri
    run: dict[str, object] = {
        "tool": {"driver": driver},
        "invocations": [_invocation(result)],
        "results": [_result(f, index[f.rule]) for f in findings],
        "columnKind": "unicodeCodePoints",
    }
    if len(findings) < len(result.findings):
        run["properties"] = {
            "truncated": True,
            "totalResults": len(result.findings),
            "note": (
                f"{len(result.findings)} findings; only the {len(findings)} most severe are "
                f"included, the most a code scanning run accepts."
            ),
        }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(
    result: ReviewResult,
    rules: Mapping[str, Rule] | None = None,
    *,
    max_results: int = MAX_RESULTS,
) -> str:
    return json.dumps(to_dict(result, rules, max_results=max_results), indent=2) + "\n"

"""Labelled route-code changes run through the real review pipeline. Shared by
tests/test_route_cases.py and bench/route_bench.py.

`tests/fixtures/routes/contract/cases.yaml`: changes to route files (breaking, under a
check id of `api-breaking-change`, once `route-breaking-change`; or `safe`), per
framework. Each is reviewed as
`bastion review` reviews a PR: the unified diff of every file, the post-change contents,
and the pre-change contents handed to the pipeline through `load_base_content` — so
`bot.pipeline._with_base` decides which files get their base version, as in production.

`tests/fixtures/routes/design/cases.yaml`: route-design cases (the route-convention
rules), one new file each, `lines` it must flag (empty: a negative case).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.diff import parse_diff
from bot.models import ChangedFile, Finding
from bot.pipeline import review_files
from bot.rules.loader import builtin_catalog

FIXTURES = Path(__file__).parent / "fixtures" / "routes"
# The id route breaks are reported under: the contract rule, whatever the format (the
# catalogue maps the old per-format id to it).
CONTRACT_RULE = builtin_catalog().canonical("route-breaking-change")
SAFE = "safe"


@dataclass(frozen=True)
class FileChange:
    path: str
    base: str | None  # None: the change adds the file
    head: str


@dataclass(frozen=True)
class Case:
    framework: str
    name: str
    check: str  # a check id, or "safe"
    files: tuple[FileChange, ...]

    @property
    def breaking(self) -> bool:
        return self.check != SAFE


def _apply(text: str, edits: list[list[str]], where: str) -> str:
    for old, new in edits:
        if old not in text:
            raise ValueError(f"{where}: edit does not apply: {old[:60]!r}")
        text = text.replace(old, new, 1)
    return text


def load_contract_cases() -> list[Case]:
    folder = FIXTURES / "contract"
    raw = yaml.safe_load((folder / "cases.yaml").read_text(encoding="utf-8"))
    out = []
    for entry in raw:
        where = f"{entry['framework']}: {entry['name']}"
        files = []
        for item in entry["files"]:
            if "head" in item:
                files.append(FileChange(item["path"], None, item["head"]))
                continue
            template = (folder / item["template"]).read_text(encoding="utf-8")
            base = _apply(template, item.get("base_edits") or [], where)
            head = _apply(base, item.get("edits") or [], where)
            if head == base:
                raise ValueError(f"{where}: the edits change nothing in {item['path']}")
            files.append(FileChange(item["path"], base, head))
        out.append(Case(entry["framework"], entry["name"], entry["check"], tuple(files)))
    return out


def _diff(change: FileChange) -> str:
    old = change.base or ""
    body = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            change.head.splitlines(keepends=True),
            "/dev/null" if change.base is None else f"a/{change.path}",
            f"b/{change.path}",
        )
    )
    header = f"diff --git a/{change.path} b/{change.path}\n"
    if change.base is None:
        header += "new file mode 100644\n"
    return header + body


def review_case(case: Case) -> list[Finding]:
    files: list[ChangedFile] = []
    for change in case.files:
        parsed = parse_diff(_diff(change))
        files += [f.model_copy(update={"content": change.head}) for f in parsed]
    bases = {c.path: c.base for c in case.files}
    result = review_files(files, load_base_content=lambda f: bases.get(f.path))
    return result.findings


def contract_findings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == CONTRACT_RULE]


def reports(findings: list[Finding], check: str) -> bool:
    return any(f"`{check}`" in f.body for f in contract_findings(findings))


# --- route design ------------------------------------------------------------------------


@dataclass(frozen=True)
class DesignCase:
    framework: str
    rule: str
    name: str
    path: str
    code: str
    lines: tuple[int, ...]

    @property
    def positive(self) -> bool:
        return bool(self.lines)


def load_design_cases() -> list[DesignCase]:
    raw = yaml.safe_load((FIXTURES / "design" / "cases.yaml").read_text(encoding="utf-8"))
    return [
        DesignCase(
            e["framework"], e["rule"], e["name"], e["path"], e["code"], tuple(e.get("lines") or ())
        )
        for e in raw
    ]


def review_design(case: DesignCase) -> list[int]:
    """Lines of the new file the case's rule flags, through the real pipeline."""
    parsed = parse_diff(_diff(FileChange(case.path, None, case.code)))
    files = [f.model_copy(update={"content": case.code}) for f in parsed]
    findings = review_files(files).findings
    return sorted(f.line for f in findings if f.rule == case.rule)

"""`bastion rules new ID --lang L`: a new rule's files, ready to edit and to test.

Writes the rule's `rule.yml`, its ast-grep rule for the language and a positive and
a negative fixture. The starting pattern is a placeholder call that the fixtures
exercise, so the rule and its test work before the first edit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot import lazyre as re
from bot.rules.astgrep import SG_LANGUAGES
from bot.rules.fixture_files import render
from bot.rules.loader import RULE_ID, TEAM_RULES_DIR

# Where a fixture in each language is reviewed (a path Bastion treats as backend code).
_SAMPLE_PATH = {
    "python": "app/example.py",
    "javascript": "src/server/example.js",
    "typescript": "src/server/example.ts",
    "go": "internal/example/example.go",
    "java": "src/main/java/app/Example.java",
    "kotlin": "src/main/kotlin/app/Example.kt",
    "ruby": "app/models/example.rb",
    "php": "app/Example.php",
    "csharp": "src/Example.cs",
    "rust": "src/example.rs",
}
_OPEN = {"php": "<?php\n"}
_END = {
    "python": "",
    "ruby": "",
    "go": "",
    "php": ";",
    "javascript": ";",
    "typescript": ";",
    "java": ";",
    "kotlin": "",
    "csharp": ";",
    "rust": ";",
}


def rule_yaml(rule_id: str, category: str, inline_lang: str | None = None) -> str:
    cwe = "cwe: []  # the CWE ids of the weakness, e.g. [89]\n" if category == "security" else ""
    text = (
        f"id: {rule_id}\n"
        f"category: {category}\n"
        "severity: medium\n"
        f"{cwe}"
        "title: Say in one line what is wrong\n"
        "rationale: >-\n  What goes wrong in production, concretely, and for whom.\n"
        "fix: >-\n  What to write instead.\n"
        "check:\n  kind: ast-grep\n"
    )
    if inline_lang is not None:
        text += f"ast-grep:\n  {inline_lang}:\n    rule:\n      pattern: dangerous_call($$$ARGS)\n"
    return text


def _fixture_code(lang: str, call: str) -> str:
    if lang == "go":
        return f"package example\n\nfunc run(x string) {{\n\t{call}\n}}\n"
    if lang in ("java", "csharp"):
        return f"class Example {{\n  void run(String x) {{\n    {call};\n  }}\n}}\n"
    if lang == "rust":
        return f"fn run(x: &str) {{\n    {call};\n}}\n"
    return f"{_OPEN.get(lang, '')}{call}{_END.get(lang, '')}\n"


def _flagged_line(code: str, call: str) -> int:
    return next(n for n, row in enumerate(code.split("\n"), 1) if call in row)


def scaffold(root: Path, rule_id: str, lang: str, category: str, team: bool = False) -> list[Path]:
    if not re.match(RULE_ID, rule_id):
        raise ValueError(f"rule id '{rule_id}': use lower case letters, digits and dashes")
    if lang not in SG_LANGUAGES:
        raise ValueError(
            f"--lang {lang}: ast-grep has no parser for it ({', '.join(SG_LANGUAGES)})"
        )
    written: list[Path] = []
    if team:
        rule_file = root / TEAM_RULES_DIR / f"{rule_id}.yml"
        files = {rule_file: rule_yaml(rule_id, category, lang)}
    else:
        folder = root / "bot" / "rules" / "catalog" / category / rule_id
        files = {
            folder / "rule.yml": rule_yaml(rule_id, category),
            folder / f"{lang}.yml": "rule:\n  pattern: dangerous_call($$$ARGS)\n",
        }
    path = _SAMPLE_PATH[lang]
    bad = _fixture_code(lang, "dangerous_call(x)")
    good = _fixture_code(lang, "safe_call(x)")
    fixtures = root / "tests" / "rules" / rule_id
    ext = path.rsplit(".", 1)[-1]
    files[fixtures / f"{lang}.{ext}"] = render(
        rule_id, path, bad, (_flagged_line(bad, "dangerous_call"),)
    )
    files[fixtures / f"{lang}-ok.{ext}"] = render(rule_id, path, good)
    for target in files:
        if target.exists():
            raise ValueError(f"{target}: exists already; nothing written")
    for target, text in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        written.append(target)
    return written


def scaffold_command(args: argparse.Namespace) -> int:
    try:
        written = scaffold(Path(args.root), args.id, args.lang, args.category, args.team)
    except ValueError as exc:
        print(f"bastion: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0

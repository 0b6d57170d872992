"""Regex pattern checks: each pattern names a rule, the languages it reads and a test of
the match; `PatternCheck` runs a set of them over a file's code text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile, Severity
from bot.rules.engine import Check, Hit
from bot.rules.lib.code_text import (
    call_arguments,
    code_text,
    dynamic_part,
    short,
)
from bot.rules.taint.api import flow_hits
from bot.select import is_test_path


@dataclass(frozen=True)
class Verdict:
    """A kept match with its detail and a severity below the rule's (a conditional hazard)."""

    detail: str
    severity: Severity | None = None
    # The last line of the finding when it reaches past the match (the parse a factory
    # made without hardening feeds).
    end_line: int | None = None


# A pattern's test of a match: False drops it, a string describes it (the detail).
Accept = Callable[[re.Match[str], str, ChangedFile], "str | bool | Verdict"]


@dataclass(frozen=True)
class Pattern:
    """A regex over the comment-blanked text; `accept` may veto or describe a match
    (a string is the detail, False drops it)."""

    rule: str
    languages: frozenset[str]
    regex: re.Pattern[str]
    accept: Accept | None = None
    title: str | None = None


def run_patterns(
    file: ChangedFile, patterns: Iterable[Pattern], hint: re.Pattern[str]
) -> list[Hit]:
    raw = file.visible_text()
    if not hint.search(raw):
        return []
    text = code_text(file)
    hits: list[Hit] = []
    for pattern in patterns:
        if file.language not in pattern.languages:
            continue
        for match in pattern.regex.finditer(text):
            verdict = pattern.accept(match, text, file) if pattern.accept else True
            if verdict is False:
                continue
            at = match.start("at") if "at" in pattern.regex.groupindex else -1
            at = at if at >= 0 else match.start()
            end = match.end() - 1 if match.end() > match.start() else match.start()
            detail = verdict.detail if isinstance(verdict, Verdict) else verdict
            hits.append(
                Hit(
                    rule=pattern.rule,
                    path=file.path,
                    line=line_of(text, at),
                    end_line=max(
                        line_of(text, end),
                        (verdict.end_line if isinstance(verdict, Verdict) else None) or 0,
                    ),
                    detail=detail if isinstance(detail, str) else None,
                    title=pattern.title,
                    severity=verdict.severity if isinstance(verdict, Verdict) else None,
                )
            )
    return hits


class PatternCheck(Check):
    """A check made of `Pattern`s; the hint keeps files without any candidate unparsed.

    In `flow_languages` the rules claim request input reaches the sink, so there the
    hits come from taint flows (`bot.rules.taint`), not from the shape of the call."""

    patterns: tuple[Pattern, ...] = ()
    hint: re.Pattern[str] = re.compile(r"(?!)")
    flow_languages: frozenset[str] = frozenset()

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []  # test code is not deployed: no attacker reaches it
        if file.language in self.flow_languages:
            return flow_hits(file, {rule.id for rule in self.rules})
        return run_patterns(file, self.patterns, self.hint)


def first_argument_dynamic(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    """For a match ending at a call's `(`: the first argument splices in a runtime value."""
    language = file.language or ""
    args = call_arguments(text, match.end() - 1, language)
    if not args:
        return False
    found = dynamic_part(args[0], language)
    return f"The string built here splices in `{short(found)}`." if found else False

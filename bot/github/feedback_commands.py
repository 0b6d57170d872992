"""`/bastion ignore` and `/bastion explain`, pure: which rule a command means, and the
text an explanation starts from. The worker (`bot.github.job`) does the I/O."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bot import lazyre as re
from bot.feedback import AGENT_RULE_PREFIX, current_rule, fingerprint_of, rule_of
from bot.github.commands import Command
from bot.models import Category

_MARKERS = re.compile(r"<!-- bastion:[^>]{0,300}-->")
_SUGGESTION = re.compile(r"^(`{3,})suggestion\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
MAX_FINDING_CHARS = 6_000

NOT_A_FINDING = (
    "`/bastion explain` explains one of Bastion's findings: reply with it in the thread "
    "of Bastion's inline comment."
)


def known_rules() -> set[str]:
    """Every rule id Bastion can report: the engine's catalogue and the AI's categories,
    and the old ids renamed rules answer to (a thread posted before a rename names one)."""
    from bot.rules.engine import registry

    reg = registry()
    return set(reg.rules) | set(reg.aliases) | {f"{AGENT_RULE_PREFIX}{c.value}" for c in Category}


@dataclass(frozen=True)
class IgnoreTarget:
    rule: str
    reason: str


def ignore_target(
    command: Command, known: Collection[str], thread_rule: str | None
) -> IgnoreTarget | str:
    """The rule `/bastion ignore` means, or why it cannot be told. A known rule id comes
    first; in a finding's thread, no id (or a first word that is not one) means the
    thread's rule and the whole text is the reason."""
    word = command.rule.lower()
    if word in known:
        return IgnoreTarget(current_rule(word), command.reason)
    if thread_rule is not None and thread_rule in known:
        reason = " ".join(part for part in (command.rule, command.reason) if part)
        return IgnoreTarget(current_rule(thread_rule), reason)
    if not word:
        return (
            "name the rule to ignore: `/bastion ignore RULE [reason]` (the rule id is on the "
            "first line of each finding), or reply with it in the finding's thread."
        )
    return (
        f"`{word[:100]}` is not a rule Bastion reports, so there is nothing to ignore "
        "(`bastion rules` lists them; the id is on the first line of each finding)."
    )


@dataclass(frozen=True)
class ThreadFinding:
    rule: str
    path: str
    line: int | None
    text: str  # the comment as people read it: no markers, no suggestion block


def thread_finding(root: dict[str, object] | None) -> ThreadFinding | None:
    """The finding a review thread's first comment holds, or None when it holds none
    (a person's comment, or a comment that is gone)."""
    if root is None:
        return None
    body = str(root.get("body") or "")
    if fingerprint_of(body) is None:
        return None
    text = _SUGGESTION.sub("", _MARKERS.sub("", body)).strip()[:MAX_FINDING_CHARS]
    line = root.get("line")
    return ThreadFinding(
        rule=rule_of(body) or "unknown",
        path=str(root.get("path") or ""),
        line=line if isinstance(line, int) and not isinstance(line, bool) else None,
        text=text,
    )


def explain_question(finding: ThreadFinding, asked: str) -> str:
    """What the agent is asked: the finding as posted, and what the person added."""
    where = f"{finding.path}:{finding.line}" if finding.line else finding.path
    question = (
        f"Explain in more depth this finding Bastion posted on {where} (rule {finding.rule}): "
        "why it is a problem in this code, what goes wrong in production and how, and how "
        "to fix it here, step by step.\n\nThe finding as posted:\n" + finding.text
    )
    if asked:
        question += f"\n\nThe reviewer also asks: {asked}"
    return question


def rule_explanation(rule: str, off_reason: str) -> str:
    """Without the LLM: the rule's own rationale and fix, from the catalogue."""
    from bot.rules.engine import registry

    found = registry().rules.get(rule)
    if found is None:
        return (
            f"This finding came from the AI review (`{rule}`), and the AI cannot run here "
            f"({off_reason}), so it cannot be explained further than the comment above."
        )
    return (
        f"**{found.title}** (`{found.id}`, {found.severity.value} · {found.category.value})\n\n"
        f"**Why it matters:** {found.rationale}\n\n**Fix:** {found.fix}\n\n"
        f"_The rule's own explanation: the AI cannot run here ({off_reason})._"
    )

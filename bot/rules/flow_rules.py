"""Flow rules with no pattern history: a finding needs request input to reach the sink.

Their sinks are in the taint data (`bot/rules/taint/data/*.yml`, classes `trust` and
`jndi`); the wording is in the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot import lazyre as re
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_rules
from bot.rules.taint.api import flow_hits
from bot.select import is_test_path

RULES = catalog_rules("trust-boundary-violation", "jndi-injection")

# The constant key of a session store on the line (`session["theme"] = ...`,
# `request.session['tz'] = ...`, `session.setAttribute("role", ...)`).
_SESSION_KEY = re.compile(r"(?i)session\w*\s*(?:\[\s*|\.\w+\(\s*\{?\s*)[\"']([\w.-]{1,60})[\"']")
# Keys later code reads as the server's word about who the user is or what they may do.
_TRUSTED_KEY = re.compile(
    r"(?i)user|uid|login|auth|role|admin|staff|super|perm|priv|grant|scope|owner|tenant"
    r"|account|verified|valid|trusted|level|group|token|otp|mfa|2fa|paid|plan|price|total|is_"
)


def _trust_severity(file: ChangedFile, hit: Hit) -> Hit:
    """A client value kept in the session goes to the summary, with the reason: under a
    key no check reads as proof (a theme, the page to return to), later code may never
    trust it; under one that names the user or a role, whether it was verified first is
    in code the flow does not show."""
    key = _SESSION_KEY.search(file.line_text(hit.line) or "")
    note = _UNTRUSTED_KEY_NOTE
    if key is None or _TRUSTED_KEY.search(key.group(1)):
        note = _UNVERIFIED_NOTE
    detail = f"{hit.detail} {note}" if hit.detail else note
    return replace(hit, severity=Severity.INFO, detail=detail)


# Even under a key that names the user or a role, the store is a bug only if nothing
# verified the value first: a reset token's signature, a database lookup, an OAuth
# exchange. That check is usually in code the flow passes over (judged in real projects'
# history, none of these findings inline was a bug), so a reader decides, from the summary.
_UNVERIFIED_NOTE = (
    "Whether the value was verified before it was stored (a signed token, a database "
    "lookup, a login) is not something the flow shows; noted in the summary for a reader "
    "to check."
)
_UNTRUSTED_KEY_NOTE = (
    "The key does not name anything an authorisation check reads (a user, role, plan or "
    "verified state); noted in the summary in case later code trusts it anyway."
)


class CatalogFlowCheck(Check):
    name = "security:flow-rules"
    rules = RULES
    languages = frozenset(lang for rule in RULES for lang in rule.languages)
    kinds = frozenset({FileKind.CODE})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        hits = flow_hits(file, {rule.id for rule in self.rules})
        return [
            _trust_severity(file, hit) if hit.rule == "trust-boundary-violation" else hit
            for hit in hits
        ]


CHECKS: list[Check] = [CatalogFlowCheck()]

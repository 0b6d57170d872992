"""Flow rules with no pattern history: a finding needs request input to reach the sink.

Their sinks are in the taint data (`bot/rules/taint/data/*.yml`, classes `trust` and
`jndi`); the wording is in the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rules
from bot.rules.taint.api import flow_hits
from bot.select import is_test_path

RULES = catalog_rules("trust-boundary-violation", "jndi-injection")


class CatalogFlowCheck(Check):
    name = "security:flow-rules"
    rules = RULES
    languages = frozenset(lang for rule in RULES for lang in rule.languages)
    kinds = frozenset({FileKind.CODE})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []
        return flow_hits(file, {rule.id for rule in self.rules})


CHECKS: list[Check] = [CatalogFlowCheck()]

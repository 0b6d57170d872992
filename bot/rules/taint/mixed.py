"""Checks whose rules report from flows in some languages.

For a language the taint engine covers well, a rule stops guessing from the shape of
a call and reports only when request input reaches the sink (`flow_hits`); its other
languages keep their own finder until they switch too.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import ChangedFile
from bot.rules.engine import Check, Hit
from bot.rules.lib.patterns import PatternCheck
from bot.rules.taint.api import flow_hits
from bot.select import is_test_path


class FlowFirst(Check):
    """Mixed in before a check's base: `flow_languages` report the check's rule ids
    from flows, the other languages go to the base's `check_file`."""

    flow_languages: frozenset[str] = frozenset()

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if file.language in self.flow_languages:
            if is_test_path(file.path):
                return []
            return flow_hits(file, {rule.id for rule in self.rules})
        return super().check_file(file)


class FlowPatternCheck(FlowFirst, PatternCheck):
    """A `PatternCheck` whose `flow_languages` report from flows instead."""

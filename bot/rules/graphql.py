"""GraphQL SDL rules: breaking changes between a schema file's versions (and notices of
new deprecations). The differ is `lib.graphql_diff`; this module only places its findings."""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib import graphql_diff as gd
from bot.rules.lib.spec_findings import grouped_hits

# Old ids of api-breaking-change and api-deprecation: the hits keep their GraphQL wording.
BREAKING = "graphql-breaking-change"
DEPRECATED = "graphql-deprecation"


class GraphqlBreaking(Check):
    name = "graphql-breaking"
    kinds = frozenset({FileKind.API_SPEC})
    languages = frozenset({"graphql"})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if file.base_content is None or file.content is None:
            return
        found = list(gd.changes(file.base_content, file.content))
        for rule_id, level in ((BREAKING, gd.ERROR), (DEPRECATED, gd.INFO)):
            items = [(c.title, c.line, c.detail) for c in found if c.level == level]
            noun = "breaking change" if level == gd.ERROR else "change"
            yield from grouped_hits(file, rule_id, items, noun)


BREAKING_RULE = catalog_rule(BREAKING)
DEPRECATED_RULE = catalog_rule(DEPRECATED)

GraphqlBreaking.rules = (BREAKING_RULE, DEPRECATED_RULE)
CHECKS: list[Check] = [GraphqlBreaking()]

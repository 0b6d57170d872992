"""GraphQL SDL rules: breaking changes between a schema file's versions (and notices of
new deprecations). The differ is `graphql_diff`; this module only places its findings."""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules import graphql_diff as gd
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.openapi import grouped_hits

BREAKING = "graphql-breaking-change"
DEPRECATED = "graphql-deprecation"

_BASE = """type Query {
  order(id: ID!): Order
}

type Order {
  id: ID!
  total: Float!
  note: String
}
"""

_HEAD = """type Query {
  order(id: ID!): Order
}

type Order {
  id: ID!
  note: String
}
"""


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


BREAKING_RULE = Rule(
    id=BREAKING,
    category=Category.API_DESIGN,
    severity=Severity.HIGH,
    title="Breaking change to the GraphQL schema",
    rationale=(
        "GraphQL clients send documents validated against the schema: a removed type, "
        "field, argument, enum value or union member makes every query that names it fail "
        "validation, a new required argument or input field rejects every existing call, "
        "an argument or input type that accepts less rejects yesterday's variables, and an "
        "output field that goes from non-null to nullable (or changes type) breaks clients "
        "whose generated models assumed the old type. Persisted queries and mobile apps "
        "cannot be changed with the server. Each finding names GraphQL Inspector's change "
        "type (`FIELD_REMOVED`, `FIELD_ARGUMENT_ADDED`...)."
    ),
    fix=(
        "Add instead of change: a new field or argument (optional, or with a default) "
        "beside the old one, mark the old one `@deprecated(reason: ...)`, and remove it "
        "only when usage metrics show no client still selects it."
    ),
    languages=("graphql",),
    positive=(RuleCase(path="schema/schema.graphql", code=_HEAD, base=_BASE, lines=(5,)),),
    negative=(
        RuleCase(path="schema/schema.graphql", code=_BASE, base=_HEAD),
        RuleCase(path="schema/schema.graphql", code=_BASE),
    ),
)

_DEPRECATED_HEAD = _BASE.replace(
    "  note: String\n", '  note: String @deprecated(reason: "use notes")\n'
)

DEPRECATED_RULE = Rule(
    id=DEPRECATED,
    category=Category.API_DESIGN,
    severity=Severity.INFO,
    title="GraphQL field or enum value deprecated",
    rationale=(
        "A deprecation breaks nobody today, but it starts the clock for every client that "
        "selects the field; the reason should name the replacement so they can move."
    ),
    fix='Say what to use instead: `@deprecated(reason: "Use `notes`.")`.',
    languages=("graphql",),
    positive=(
        RuleCase(path="schema/schema.graphql", code=_DEPRECATED_HEAD, base=_BASE, lines=(8,)),
    ),
    negative=(
        RuleCase(path="schema/schema.graphql", code=_DEPRECATED_HEAD, base=_DEPRECATED_HEAD),
    ),
)

GraphqlBreaking.rules = (BREAKING_RULE, DEPRECATED_RULE)
CHECKS: list[Check] = [GraphqlBreaking()]

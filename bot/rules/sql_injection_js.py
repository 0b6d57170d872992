r"""Request input that reaches a JS/TS database call as SQL text (`sql-injection`).

The claim is about request input, so it comes from `bot.rules.taint`'s flows: a value
from `req.query`/`req.body`/... (or a parameter a NestJS handler binds to the request)
spliced into the SQL of `query`, `raw`, `whereRaw`, `$queryRawUnsafe`, ... A string
built only from internal values (a generated table name, an identifier the ORM gives,
a sort order picked from an allow-list) is not injection, and a tagged template
(`prisma.$queryRaw\`…\``, `sql\`…\``) binds its values as parameters.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.taint.api import flow_hits

RULE_ID = "sql-injection"

RULE = catalog_rule(RULE_ID)


class SqlInjectionJs(Check):
    name = "ast-grep:js-sql-injection"
    rules = (RULE,)
    languages = frozenset({"javascript", "typescript"})
    kinds = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA, FileKind.MIGRATION})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return flow_hits(file, {RULE_ID})  # no flows in test code: nothing is deployed


CHECKS: list[Check] = [SqlInjectionJs()]

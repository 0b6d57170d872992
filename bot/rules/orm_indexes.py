"""Index coverage in schemas and migrations: foreign keys without an index, and indexes
too wide or made redundant by another index of the same file (read by
`lib.orm_keys`).

PostgreSQL and the ORMs here do not index a foreign-key column by themselves (MySQL's
InnoDB does): Prisma, SQLAlchemy and GORM leave it to you, Rails and Django add one
unless told not to (`index: false`, `db_index=False`). Without it, every DELETE or
key UPDATE on the parent table scans the child table while holding its locks, and
joins from parent to child scan too.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import ChangedFile
from bot.rules.engine import Check, Hit, catalog_rules
from bot.rules.lib import orm_keys
from bot.rules.lib.orm_keys import DUPLICATE_ID, FK_ID, WIDE_ID


class OrmIndexes(Check):
    name = "orm-indexes"
    rules = catalog_rules(FK_ID, WIDE_ID, DUPLICATE_ID)
    languages = orm_keys.LANGUAGES
    kinds = orm_keys.KINDS

    def wants(self, file: ChangedFile) -> bool:
        return orm_keys.reads(file)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return orm_keys.index_hits(file)


CHECKS: list[Check] = [OrmIndexes()]

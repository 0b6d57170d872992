"""A model of the repository's database schema, built from the files that declare it
(migrations, schema dumps, ORM models), for rules that need to know what is indexed."""

from bot.schema.model import Column, ForeignKey, Index, Schema, Table
from bot.schema.sources import build_schema, schema_paths

__all__ = ["Column", "ForeignKey", "Index", "Schema", "Table", "build_schema", "schema_paths"]

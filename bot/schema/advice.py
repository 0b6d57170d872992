"""The index to add, written as one line in the project's own framework."""

from __future__ import annotations

from bot import lazyre as re
from bot.schema.model import Table


def _ident(text: str) -> str:
    return re.sub(r"\W+", "_", text).strip("_").lower()


def index_line(table: Table, columns: list[str]) -> str:
    """A concrete migration line (or model declaration) creating the index."""
    name = _ident(f"{table.name}_{'_'.join(columns)}_idx")
    expression = any(c.startswith("(") for c in columns)
    sql_cols = ", ".join(c[1:-1] if c.startswith("(") else c for c in columns)
    framework = table.framework
    if expression:
        if framework == "rails":
            return (
                f'add_index :{table.name}, "{sql_cols}", name: "{name}", algorithm: :concurrently'
            )
        if framework in {"django", "django-migration"}:
            inner = re.match(r"(\w+)\((\w+)\)", sql_cols)
            if inner:
                func = inner.group(1).capitalize()
                return f'models.Index({func}("{inner.group(2)}"), name="{name}")  # in Meta.indexes'
        if framework in {"alembic", "sqlalchemy"}:
            return (
                f'op.create_index("{name}", "{table.name}", [sa.text("{sql_cols}")],'
                " postgresql_concurrently=True)"
            )
        return f"CREATE INDEX CONCURRENTLY {name} ON {table.name} ({sql_cols});"
    quoted = ", ".join(f'"{c}"' for c in columns)
    single = ", ".join(f"'{c}'" for c in columns)
    lines = {
        "rails": "add_index :{t}, {cols}, algorithm: :concurrently".format(
            t=table.name,
            cols=f":{columns[0]}"
            if len(columns) == 1
            else "[" + ", ".join(f":{c}" for c in columns) + "]",
        ),
        "django": f'models.Index(fields=[{quoted}], name="{name}")  # in Meta.indexes',
        "django-migration": f'models.Index(fields=[{quoted}], name="{name}")  # in Meta.indexes',
        "alembic": f'op.create_index("{name}", "{table.name}", [{quoted}],'
        " postgresql_concurrently=True)",
        "sqlalchemy": f'Index("{name}", {quoted})  # in __table_args__',
        "prisma": f"@@index([{', '.join(columns)}])",
        "typeorm": f"@Index([{quoted}])",
        "sequelize": (
            f'await queryInterface.addIndex("{table.name}", [{quoted}], {{ concurrently: true }});'
        ),
        "knex": f"table.index([{single}]);",
        "laravel": f"$table->index([{single}]);",
        "gorm": '`gorm:"index"` on the field'
        if len(columns) == 1
        else f'`gorm:"index:{name}"` on each field',
        "jpa": f'@Index(name = "{name}", columnList = "{", ".join(columns)}")  // in'
        " @Table(indexes = ...)",
    }
    return lines.get(framework, f"CREATE INDEX CONCURRENTLY {name} ON {table.name} ({sql_cols});")

"""Django (models and migrations), SQLAlchemy models and Alembic migrations, read from
Python's own syntax tree: keyword arguments and nesting are what these APIs are made of,
and regexes would lose them."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import PurePosixPath

from bot import lazyre as re
from bot.schema.builder import Builder
from bot.schema.model import norm

_DJANGO_FK = {"ForeignKey", "OneToOneField"}
_DJANGO_SKIP = {"ManyToManyField", "GenericForeignKey", "GenericRelation"}
_FUNCTIONS = {"lower", "upper", "date", "trunc", "truncdate", "coalesce", "abs"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call):
        return _name(node.func)
    return ""


def _str(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "f"
        and len(node.args) == 1
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "op"
    ):
        # Alembic's `op.f("ix_users_email")` marks a name as final (no naming convention
        # applied): it is the name.
        return _str(node.args[0])
    return None


def _source(node: ast.AST | None) -> str:
    return ast.unparse(node) if node is not None else ""


def _kw(call: ast.Call, name: str) -> ast.AST | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _true(call: ast.Call, name: str) -> bool:
    value = _kw(call, name)
    return isinstance(value, ast.Constant) and value.value is True


def _false(call: ast.Call, name: str) -> bool:
    value = _kw(call, name)
    return isinstance(value, ast.Constant) and value.value is False


def _part(node: ast.AST) -> str | None:
    """One index part: a column name, or an expression in its SQL spelling."""
    text = _str(node)
    if text is not None:
        text = text.lstrip("-")
        return text if text.replace("_", "").isalnum() else f"({text.lower()})"
    if isinstance(node, ast.Attribute | ast.Name):
        return node.attr if isinstance(node, ast.Attribute) else node.id
    if isinstance(node, ast.Call):
        func = _name(node.func).lower()
        if func == "text" and node.args:
            inner = _str(node.args[0])
            return f"({inner.lower()})" if inner else None
        if func == "desc" or func == "asc":
            return _part(node.args[0]) if node.args else None
        if func in {"column", "literal_column", "f"} and node.args:
            # A column named inside an expression: `sa.Column("email")`, Django's `F("email")`.
            return _part(node.args[0])
        if func in _FUNCTIONS and node.args:
            inner = _part(node.args[0])
            if inner and not inner.startswith("("):
                sql_func = "date" if func == "truncdate" else func
                return f"({sql_func}({inner}))"
        # Any other call is an expression: kept, in its Python spelling, so the index is
        # never read as its plain columns alone (and compared as their duplicate).
        return f"({ast.unparse(node).lower()})"
    return None


def _parts(node: ast.AST | None) -> list[str]:
    if isinstance(node, ast.List | ast.Tuple):
        return [p for p in (_part(e) for e in node.elts) if p]
    return []


# --- Django --------------------------------------------------------------------------


def _app_dir(path: str) -> tuple[str, ...]:
    """The path parts of the Django app a models or migrations file belongs to."""
    parts = PurePosixPath(path).parts
    if "migrations" in parts:
        return parts[: parts.index("migrations")]
    if parts[-1] == "models.py":
        return parts[:-1]
    if "models" in parts:
        return parts[: len(parts) - 1 - parts[::-1].index("models")]
    return parts[:-1]


def _app_label(path: str, labels: Mapping[str, str] | None = None) -> str:
    """The app label Django prefixes default table names with: `AppConfig.label` when
    the app's apps.py sets one, else the app's directory name."""
    app = _app_dir(path)
    if labels and "/".join(app) in labels:
        return labels["/".join(app)]
    return app[-1] if app else ""


_LABEL = re.compile(r"^\s+label\s*=\s*[\"'](\w+)[\"']", re.MULTILINE)


def app_labels(files: Mapping[str, str]) -> dict[str, str]:
    """App directory -> `AppConfig.label`, from the apps.py files given."""
    out = {}
    for path, text in files.items():
        p = PurePosixPath(path)
        found = _LABEL.search(text) if p.name == "apps.py" and "AppConfig" in text else None
        if found:
            out["/".join(p.parts[:-1])] = found.group(1)
    return out


class _Django:
    def __init__(self, b: Builder, path: str, labels: Mapping[str, str] | None = None) -> None:
        self.b = b
        self.app = _app_label(path, labels)

    def table_of(self, model: str) -> str:
        known = self.b.schema.models.get(f"{self.app}.{model.lower()}")
        return known or (f"{self.app}_{model.lower()}" if self.app else model.lower())

    def define(self, model: str, table: str | None, line: int) -> str:
        name = (
            norm(table) if table else (f"{self.app}_{model.lower()}" if self.app else model.lower())
        )
        self.b.table(name, line)
        self.b.model(model, name)
        self.b.schema.models[f"{self.app}.{model.lower()}"] = name
        return name

    def field(self, table: str, name: str, call: ast.Call, line: int) -> None:
        kind = _name(call.func)
        if kind in _DJANGO_SKIP:
            return
        column = _str(_kw(call, "db_column"))
        is_fk = kind in _DJANGO_FK
        column = column or (f"{name}_id" if is_fk else name)
        self.b.column(table, column, line, type=kind, nullable=_true(call, "null"), alias=name)
        if _true(call, "primary_key"):
            self.b.primary_key(table, [column], line)
            return
        unique = _true(call, "unique") or kind == "OneToOneField"
        if unique:
            self.b.index(table, [column], line, unique=True)
        elif _true(call, "db_index") or (is_fk and not _false(call, "db_index")):
            self.b.index(table, [column], line)
        if is_fk:
            target = call.args[0] if call.args else _kw(call, "to")
            ref = _str(target) or (_name(target) if target is not None else "")
            ref_table = self.table_of(ref.split(".")[-1]) if ref and ref != "self" else table
            self.b.foreign_key(table, [column], ref_table, line, ["id"])

    def options(
        self, table: str, items: list[tuple[str, ast.AST]], line: int, *, altered: bool = False
    ) -> None:
        """`altered`: an `AlterUniqueTogether`/`AlterIndexTogether`, which states the
        model's whole new set: a group the table already has is kept, not added again."""
        for key, value in items:
            if key in {"indexes", "constraints"} and isinstance(value, ast.List | ast.Tuple):
                for item in value.elts:
                    if isinstance(item, ast.Call):
                        self.index(table, item, item.lineno)
            elif key in {"unique_together", "index_together"}:
                groups: list[ast.AST] = (
                    list(value.elts) if isinstance(value, ast.List | ast.Tuple | ast.Set) else []
                )
                if groups and not isinstance(groups[0], ast.List | ast.Tuple):
                    groups = [value]
                unique = key == "unique_together"
                for group in groups:
                    cols = [self.column(table, c) for c in _parts(group)]
                    if altered and self._has(table, cols, unique):
                        continue
                    self.b.index(table, cols, line, unique=unique)

    def _has(self, table: str, columns: list[str], unique: bool) -> bool:
        t = self.b.schema.table(table)
        wanted = tuple(norm(c) for c in columns)
        return t is not None and any(
            ix.columns == wanted and ix.unique == unique and not ix.partial for ix in t.indexes
        )

    def column(self, table: str, field_name: str) -> str:
        t = self.b.schema.table(table)
        return (t.column(field_name) if t else None) or field_name

    def index(self, table: str, call: ast.Call, line: int) -> None:
        kind = _name(call.func)
        if kind not in {"Index", "UniqueConstraint"}:
            return
        cols = [self.column(table, c) for c in _parts(_kw(call, "fields"))]
        cols += [p for p in (_part(a) for a in call.args) if p]
        self.b.index(
            table,
            cols,
            line,
            name=_str(_kw(call, "name")),
            unique=kind == "UniqueConstraint",
            partial=_kw(call, "condition") is not None,
            predicate=_source(_kw(call, "condition")),
        )


def read_django_models(
    b: Builder, tree: ast.Module, path: str, labels: Mapping[str, str] | None = None
) -> None:
    django = _Django(b, path, labels)
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        meta = next(
            (n for n in node.body if isinstance(n, ast.ClassDef) and n.name == "Meta"), None
        )
        options: list[tuple[str, ast.AST]] = []
        if meta is not None:
            for item in meta.body:
                if isinstance(item, ast.Assign) and isinstance(item.targets[0], ast.Name):
                    options.append((item.targets[0].id, item.value))
            if any(k == "abstract" for k, _ in options):
                continue
        db_table = next((_str(v) for k, v in options if k == "db_table"), None)
        table = django.define(node.name, db_table, node.lineno)
        has_pk = False
        for item in node.body:
            if isinstance(item, ast.Assign) and isinstance(item.value, ast.Call):
                target = item.targets[0]
                kind = _name(item.value.func)
                if isinstance(target, ast.Name) and (kind.endswith("Field") or kind in _DJANGO_FK):
                    django.field(table, target.id, item.value, item.lineno)
                    has_pk = has_pk or _true(item.value, "primary_key")
        if not has_pk:
            b.primary_key(table, ["id"], node.lineno)
        django.options(table, options, node.lineno)


def read_django_migration(
    b: Builder, tree: ast.Module, path: str, labels: Mapping[str, str] | None = None
) -> None:
    django = _Django(b, path, labels)
    for call in _operations(tree):
        op = _name(call.func)
        model = _str(_kw(call, "model_name")) or _str(_kw(call, "name")) or ""
        if op == "CreateModel":
            opts = _kw(call, "options")
            items = _dict_items(opts)
            db_table = next((_str(v) for k, v in items if k == "db_table"), None)
            table = django.define(model, db_table, call.lineno)
            fields = _kw(call, "fields")
            has_pk = False
            for item in fields.elts if isinstance(fields, ast.List | ast.Tuple) else []:
                if isinstance(item, ast.Tuple) and len(item.elts) == 2:
                    name, field = _str(item.elts[0]), item.elts[1]
                    if name and isinstance(field, ast.Call):
                        django.field(table, name, field, item.lineno)
                        has_pk = has_pk or _true(field, "primary_key")
            if not has_pk:
                b.primary_key(table, ["id"], call.lineno)
            django.options(table, items, call.lineno)
            continue
        table = django.table_of(model) if model else ""
        if op in {"AddField", "AlterField"}:
            name, spec = _str(_kw(call, "name")), _kw(call, "field")
            if name and isinstance(spec, ast.Call):
                django.field(table, name, spec, call.lineno)
        elif op == "RemoveField":
            name = _str(_kw(call, "name")) or ""
            b.drop_column(table, django.column(table, name))
        elif op == "RenameField":
            old, new = _str(_kw(call, "old_name")), _str(_kw(call, "new_name"))
            if old and new:
                b.rename_column(table, django.column(table, old), new)
        elif op in {"AddIndex", "AddConstraint"}:
            declared = _kw(call, "index") or _kw(call, "constraint")
            if isinstance(declared, ast.Call):
                django.index(table, declared, declared.lineno)
        elif op in {"RemoveIndex", "RemoveConstraint"}:
            b.drop_index(table, _str(_kw(call, "name")))
        elif op in {"AlterUniqueTogether", "AlterIndexTogether"}:
            key = "unique_together" if op == "AlterUniqueTogether" else "index_together"
            value = _kw(call, key)
            if value is not None:
                django.options(table, [(key, value)], call.lineno, altered=True)
        elif op == "DeleteModel":
            b.drop_table(django.table_of(_str(_kw(call, "name")) or ""))
        elif op == "RunSQL":
            sql = _str(call.args[0]) if call.args else _str(_kw(call, "sql"))
            if sql:
                from bot.schema.read_sql import read_sql

                read_sql(b, sql, call.lineno - 1)


def _operations(tree: ast.Module) -> list[ast.Call]:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "operations" for t in node.targets)
            and isinstance(node.value, ast.List | ast.Tuple)
        ):
            return [e for e in node.value.elts if isinstance(e, ast.Call)]
    return []


def _dict_items(node: ast.AST | None) -> list[tuple[str, ast.AST]]:
    if not isinstance(node, ast.Dict):
        return []
    return [
        (k.value, v)
        for k, v in zip(node.keys, node.values, strict=False)
        if isinstance(k, ast.Constant) and isinstance(k.value, str)
    ]


# --- SQLAlchemy and Alembic ------------------------------------------------------------


def _sa_column(b: Builder, table: str, call: ast.Call, name: str | None, line: int) -> None:
    """`Column(...)` / `mapped_column(...)`: the name may be the first string argument."""
    args = list(call.args)
    if args and _str(args[0]) is not None:
        name = _str(args.pop(0))
    if not name:
        return
    type_name = next((_name(a) for a in args if _name(a) not in {"ForeignKey", ""}), None)
    b.column(
        table,
        name,
        line,
        type=type_name,
        nullable=not (_false(call, "nullable") or _true(call, "primary_key")),
    )
    if _true(call, "primary_key"):
        t = b.schema.table(table)
        existing = t.primary_key if t and t.where and t.where.path == b.path else ()
        b.primary_key(table, [*existing, name] if name not in existing else existing, line)
    if _true(call, "unique"):
        b.index(table, [name], line, unique=True)
    elif _true(call, "index"):
        # SQLAlchemy's default convention; Alembic scripts repeat the same name.
        b.index(table, [name], line, name=f"ix_{norm(table)}_{name}")
    for arg in args:
        if isinstance(arg, ast.Call) and _name(arg.func) == "ForeignKey" and arg.args:
            ref = _str(arg.args[0]) or ast.unparse(arg.args[0])
            ref_table, _, ref_col = ref.rpartition(".")
            b.foreign_key(table, [name], ref_table or ref_col, line, [ref_col])


def _sa_table_arg(b: Builder, table: str, call: ast.Call) -> None:
    kind = _name(call.func)
    args = list(call.args)
    if kind == "Index":
        name = _str(args.pop(0)) if args else None
        cols = [p for p in (_part(a) for a in args) if p]
        b.index(
            table,
            cols,
            call.lineno,
            name=name,
            unique=_true(call, "unique"),
            partial=_kw(call, "postgresql_where") is not None,
            predicate=_source(_kw(call, "postgresql_where")),
        )
    elif kind == "UniqueConstraint":
        b.index(
            table,
            [p for p in (_part(a) for a in args) if p],
            call.lineno,
            name=_str(_kw(call, "name")),
            unique=True,
        )
    elif kind == "PrimaryKeyConstraint":
        b.primary_key(table, [p for p in (_part(a) for a in args) if p], call.lineno)
    elif kind == "ForeignKeyConstraint" and len(args) >= 2:
        cols, refs = _parts(args[0]), _parts(args[1])
        if cols and refs:
            ref_table = refs[0].rpartition(".")[0] if "." in refs[0] else refs[0]
            b.foreign_key(table, cols, ref_table, call.lineno)
    elif kind == "Column":
        _sa_column(b, table, call, None, call.lineno)


def read_sqlalchemy(b: Builder, tree: ast.Module) -> None:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            table_name = None
            for item in node.body:
                if isinstance(item, ast.Assign | ast.AnnAssign):
                    named = item.targets[0] if isinstance(item, ast.Assign) else item.target
                    if isinstance(named, ast.Name) and named.id == "__tablename__":
                        table_name = _str(item.value)
            if not table_name:
                continue
            b.table(table_name, node.lineno)
            b.model(node.name, table_name)
            for item in node.body:
                target = (
                    item.targets[0]
                    if isinstance(item, ast.Assign)
                    else item.target
                    if isinstance(item, ast.AnnAssign)
                    else None
                )
                value = item.value if isinstance(item, ast.Assign | ast.AnnAssign) else None
                if not isinstance(target, ast.Name) or not isinstance(value, ast.AST):
                    continue
                if target.id == "__table_args__":
                    elts = value.elts if isinstance(value, ast.Tuple | ast.List) else [value]
                    for arg in elts:
                        if isinstance(arg, ast.Call):
                            _sa_table_arg(b, table_name, arg)
                elif isinstance(value, ast.Call) and _name(value.func) in {
                    "Column",
                    "mapped_column",
                }:
                    _sa_column(b, table_name, value, target.id, item.lineno)
                    if target.id != (_str(value.args[0]) if value.args else None):
                        column = (_str(value.args[0]) if value.args else None) or target.id
                        b.column(table_name, column, item.lineno, alias=target.id)
        elif isinstance(node, ast.Call) and _name(node.func) == "Table" and node.args:
            name = _str(node.args[0])
            if name:
                b.table(name, node.lineno)
                for arg in node.args[2:]:
                    if isinstance(arg, ast.Call):
                        _sa_table_arg(b, name, arg)


def read_alembic(b: Builder, tree: ast.Module) -> None:
    upgrade = next(
        (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "upgrade"), None
    )
    if upgrade is None:
        return
    for node in ast.walk(upgrade):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        op, args = node.func.attr, list(node.args)
        strings = [_str(a) for a in args]
        if op == "create_table" and strings and strings[0]:
            table = strings[0]
            b.table(table, node.lineno)
            for arg in args[1:]:
                if isinstance(arg, ast.Call):
                    _sa_table_arg(b, table, arg)
        elif op == "add_column" and len(args) >= 2 and strings[0] and isinstance(args[1], ast.Call):
            _sa_column(b, strings[0], args[1], None, node.lineno)
        elif op == "create_index" and len(args) >= 3 and strings[1]:
            b.index(
                strings[1],
                _parts(args[2]),
                node.lineno,
                name=strings[0],
                unique=_true(node, "unique"),
                partial=_kw(node, "postgresql_where") is not None
                or _kw(node, "sqlite_where") is not None,
                predicate=_source(_kw(node, "postgresql_where") or _kw(node, "sqlite_where")),
            )
        elif op == "drop_index" and strings and strings[0]:
            b.drop_index(
                _str(_kw(node, "table_name")) or (strings[1] if len(strings) > 1 else None),
                strings[0],
            )
        elif op == "drop_constraint" and len(strings) >= 2 and strings[0] and strings[1]:
            # A unique constraint is an index here; a foreign key or check is not one.
            if (_str(_kw(node, "type_")) or "unique") == "unique":
                b.drop_index(strings[1], strings[0])
        elif op == "create_unique_constraint" and len(args) >= 3 and strings[1]:
            b.index(strings[1], _parts(args[2]), node.lineno, name=strings[0], unique=True)
        elif op == "create_foreign_key" and len(args) >= 5 and strings[1] and strings[2]:
            b.foreign_key(strings[1], _parts(args[3]), strings[2], node.lineno, _parts(args[4]))
        elif op == "drop_column" and len(strings) >= 2 and strings[0] and strings[1]:
            b.drop_column(strings[0], strings[1])
        elif op == "drop_table" and strings and strings[0]:
            b.drop_table(strings[0])
        elif op == "alter_column" and len(strings) >= 2 and strings[0] and strings[1]:
            new = _str(_kw(node, "new_column_name"))
            if new:
                b.rename_column(strings[0], strings[1], new)
        elif op == "rename_table" and len(strings) >= 2 and strings[0] and strings[1]:
            b.rename_table(strings[0], strings[1])
        elif op == "execute" and strings and strings[0]:
            from bot.schema.read_sql import read_sql

            read_sql(b, strings[0], node.lineno - 1)


def alembic_revisions(tree: ast.Module) -> tuple[str | None, tuple[str, ...]]:
    """(revision, down revisions) of an Alembic script, for ordering the history."""
    revision: str | None = None
    down: tuple[str, ...] = ()
    for node in tree.body:
        target = (
            node.targets[0]
            if isinstance(node, ast.Assign)
            else (node.target if isinstance(node, ast.AnnAssign) else None)
        )
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if not isinstance(target, ast.Name) or value is None:
            continue
        if target.id == "revision":
            revision = _str(value)
        elif target.id == "down_revision":
            if isinstance(value, ast.Tuple | ast.List):
                down = tuple(s for s in (_str(e) for e in value.elts) if s)
            elif _str(value):
                down = (_str(value) or "",)
    return revision, down

"""Query calls whose SQL text splices in a runtime value, as a `Pattern.accept` test the
SQL pattern rules of several languages share."""

from __future__ import annotations

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.lib.code_text import (
    call_arguments,
    dynamic_part,
    literal_text,
    scope_before,
    short,
    variable_dynamic,
)
from bot.rules.lib.patterns import Accept

SQL_WORDS = re.compile(
    r"\b(select|insert|update|delete|from|where|join|values|order\s+by|group\s+by|limit"
    r"|truncate|alter|create|drop|set)\b",
    re.IGNORECASE,
)


_IDENTIFIER = re.compile(r"^\$?[A-Za-z_][\w]*$")


def sql_call(always_sql: frozenset[str], max_args: int = 2) -> Accept:
    """A `Pattern.accept` for a match ending at a query call's `(`: one of the first
    arguments is SQL text with a runtime value spliced in, inline or through a variable
    assigned earlier in the function. Methods in `always_sql` take nothing but SQL, so
    their text need not read like SQL."""

    def accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
        language = file.language or ""
        method = match.groupdict().get("method") or match.groupdict().get("fn") or ""
        for arg in call_arguments(text, match.end() - 1, language)[:max_args]:
            found = dynamic_part(arg, language)
            literal = literal_text(arg, language)
            where = ""
            if found is None and _IDENTIFIER.match(arg):
                scope = scope_before(text, match.start(), language)
                resolved = variable_dynamic(scope, arg, language)
                if resolved is not None:
                    found, where = resolved[0], f" (built in `{arg}`)"
                    literal = _assigned_literals(scope, arg, language)
            if found is None:
                continue
            if method in always_sql or SQL_WORDS.search(literal):
                return (
                    f"The SQL passed to `{method}`{where} splices in `{short(found)}` "
                    "instead of binding it as a parameter."
                )
        return False

    return accept


def _assigned_literals(scope: str, name: str, language: str) -> str:
    found = re.findall(rf"(?<![\w$.]){re.escape(name)}\s*(?::=|\+=|\.=|=)(?!=)([^;\n]*)", scope)
    return " ".join(literal_text(rhs, language) for rhs in found)

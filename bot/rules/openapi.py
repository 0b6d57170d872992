"""OpenAPI / Swagger rules: breaking changes between versions, and style of new operations.

Breaking changes need the pre-change document (`ChangedFile.base_content`); without
it only the style rules run. A removal has no line in the post-change file, so it is
reported at its nearest surviving parent (the path item, `responses:`, `paths:`);
when that line is not one the change added, the nearest added line is used instead
(the engine only keeps findings on added lines, and a breaking removal must not be
lost just because its parent line was left untouched).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from bot import lazyre as re
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib import openapi_diff as od
from bot.rules.lib.spec_findings import grouped_hits
from bot.spec_refs import openapi_refs

# Old ids of api-breaking-change, api-deprecation and inconsistent-route-naming: the
# hits keep their OpenAPI wording, and consolidation their problem class.
BREAKING = "openapi-breaking-change"
DEPRECATED = "openapi-deprecation"
MISSING_OPERATION_ID = "openapi-missing-operation-id"
PATH_CASING = "openapi-path-casing"
NO_SCHEMA = "openapi-response-without-schema"
NO_PAGINATION = "openapi-collection-without-pagination"

_LANGS = ("yaml", "json")


# --- breaking changes ---------------------------------------------------------------


RefLoaders = Callable[[ChangedFile, str], od.RefResolver | None]


class OpenApiBreaking(Check):
    """`refs(file, side)` (side `base` or `head`) gives the `resolve_ref(path)` hook that
    reads the other files a spec `$ref`s at that version; without it such refs are
    opaque and whatever sits behind them is not compared."""

    name = "openapi-breaking"
    kinds = frozenset({FileKind.API_SPEC})
    languages = frozenset(_LANGS)

    def __init__(self, refs: RefLoaders | None = None) -> None:
        self.refs = refs

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if file.base_content is None or file.content is None:
            return
        base_refs = self.refs(file, "base") if self.refs else None
        head_refs = self.refs(file, "head") if self.refs else None
        base, head = od.load(file.base_content, base_refs), od.load(file.content, head_refs)
        if base is None or head is None:
            return
        changes = od.diff(base, head)
        for rule_id, level in ((BREAKING, od.ERROR), (DEPRECATED, od.INFO)):
            found = [
                (c.title, head.line_of(c.pointer), c.detail) for c in changes if c.level == level
            ]
            noun = "breaking change" if level == od.ERROR else "change"
            yield from grouped_hits(file, rule_id, found, noun)


# --- style of new operations ----------------------------------------------------------


_PAGINATION = frozenset(
    {
        "limit",
        "offset",
        "page",
        "cursor",
        "per_page",
        "perpage",
        "page_size",
        "pagesize",
        "page_token",
        "pagetoken",
        "after",
        "before",
        "starting_after",
        "next",
        "top",
        "skip",
        "first",
        "last",
        "size",
        "max_results",
        "maxresults",
    }
)
_CAMEL = re.compile(r"[a-z0-9][A-Z]")
_NO_BODY_2XX = frozenset({"202", "204", "205"})


def _style(segment: str) -> str | None:
    if not segment or segment.startswith("{") or segment.startswith("."):
        return None
    if "-" in segment:
        return "kebab-case"
    if "_" in segment:
        return "snake_case"
    if _CAMEL.search(segment):
        return "camelCase"
    return None  # one lower-case word fits every style


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s and not s.startswith("{")]


def _has_location(response: dict[str, Any]) -> bool:
    headers = response.get("headers")
    return isinstance(headers, dict) and any(str(h).lower() == "location" for h in headers)


class OpenApiStyle(Check):
    name = "openapi-style"
    kinds = frozenset({FileKind.API_SPEC})
    languages = frozenset(_LANGS)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        head = od.load(file.visible_text())
        if head is None:
            return
        base = od.load(file.base_content) if file.base_content is not None else None
        old = {(od.norm_path(p), m) for p, m, _ in od.operations(base)} if base else set()
        new_ops = [
            (path, method, op)
            for path, method, op in od.operations(head)
            if (od.norm_path(path), method) not in old
        ]
        yield from self._casing(file, head, {p for p, _, _ in new_ops})
        for path, method, op in new_ops:
            where: od.Pointer = ("paths", path, method)
            label = f"`{method.upper()} {path}`"
            if not str(op.get("operationId") or "").strip():
                yield Hit(
                    MISSING_OPERATION_ID,
                    file.path,
                    head.line_of(where),
                    detail=f"{label} has no `operationId`.",
                )
            yield from self._schemas(file, head, method, op, where, label)
            if self._unpaginated(head, path, method, op):
                yield Hit(
                    NO_PAGINATION,
                    file.path,
                    head.line_of(where),
                    detail=f"{label} returns an array and takes no limit/cursor parameter.",
                )

    def _casing(self, file: ChangedFile, head: od.Document, new_paths: set[str]) -> Iterator[Hit]:
        styles = Counter(
            style
            for path in od.paths_of(head).values()
            for seg in _segments(path)
            if (style := _style(seg)) is not None
        )
        if len(styles) < 2:
            return
        ranked = styles.most_common()
        dominant, top = ranked[0]
        if len(ranked) > 1 and ranked[1][1] == top:
            return  # no house style to hold new paths to
        for path in sorted(new_paths):
            odd = [s for s in _segments(path) if _style(s) not in (None, dominant)]
            if odd:
                yield Hit(
                    PATH_CASING,
                    file.path,
                    head.line_of(("paths", path)),
                    detail=f"`{odd[0]}` in `{path}` is {_style(odd[0])}; the other paths of "
                    f"this document use {dominant}.",
                )

    def _schemas(
        self,
        file: ChangedFile,
        head: od.Document,
        method: str,
        op: dict[str, Any],
        where: od.Pointer,
        label: str,
    ) -> Iterator[Hit]:
        responses = op.get("responses")
        if not isinstance(responses, dict) or method in {"head", "options"}:
            return
        for code, response in responses.items():
            code = str(code)
            error = code[:1] in {"4", "5"}
            if not (error or (code.startswith("2") and code not in _NO_BODY_2XX)):
                continue
            value, _ = od.resolve(head.data, response, ())
            if not isinstance(value, dict) or not value:
                continue  # an external or dangling `$ref`: cannot tell
            if code == "201" and _has_location(value):
                continue
            schema, _ = od.response_schema(head, value, ())
            if schema:
                continue
            kind = "error response" if error else "success response"
            yield Hit(
                NO_SCHEMA,
                file.path,
                head.line_of((*where, "responses", code)),
                detail=f"{label} {kind} `{code}` has no schema.",
                title=f"OpenAPI {kind} without a schema",
            )

    def _unpaginated(self, head: od.Document, path: str, method: str, op: dict[str, Any]) -> bool:
        if method != "get" or path.rstrip("/").endswith("}"):
            return False
        responses = op.get("responses")
        if not isinstance(responses, dict):
            return False
        ok = responses.get("200", responses.get(200))
        if ok is None:
            return False
        schema, _ = od.response_schema(head, ok, ())
        resolved, _ = od.resolve(head.data, schema, ())
        if not isinstance(resolved, dict) or resolved.get("type") != "array":
            return False
        params = od.parameters(head, path).get(method, {})
        names = {n.lower().replace("-", "_").replace("[", "_").rstrip("]") for n in params}
        return not any(n in _PAGINATION or n.split("_")[-1] in _PAGINATION for n in names)


# --- rules ----------------------------------------------------------------------------

BREAKING_RULE = catalog_rule(BREAKING)
DEPRECATED_RULE = catalog_rule(DEPRECATED)
MISSING_OPERATION_ID_RULE = catalog_rule(MISSING_OPERATION_ID)
PATH_CASING_RULE = catalog_rule(PATH_CASING)
NO_SCHEMA_RULE = catalog_rule(NO_SCHEMA)
NO_PAGINATION_RULE = catalog_rule(NO_PAGINATION)


OpenApiBreaking.rules = (BREAKING_RULE, DEPRECATED_RULE)
OpenApiStyle.rules = (
    MISSING_OPERATION_ID_RULE,
    PATH_CASING_RULE,
    NO_SCHEMA_RULE,
    NO_PAGINATION_RULE,
)

# The review's referenced files (read at each side by the pipeline's caller).
CHECKS: list[Check] = [OpenApiBreaking(refs=openapi_refs), OpenApiStyle()]

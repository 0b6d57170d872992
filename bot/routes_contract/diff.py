"""Two versions of a change's route files compared like two API descriptions.

An endpoint is the same endpoint when its method and its path (parameters blanked)
match, in whatever file of the change it now lives: a handler moved to another file or
renamed is no change at all. Only files whose two versions both parse are compared;
while any route file of the change fails to parse, nothing is called removed (the
endpoint may be in the part that did not parse).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from bot.routes_contract.model import Contract, Endpoint, Field, normalized

REMOVED = "route-removed"
PARAM_RENAMED = "path-param-renamed"
QUERY_REQUIRED = "required-query-param-added"
BODY_REQUIRED = "required-body-field-added"
RESPONSE_REMOVED = "response-field-removed"
CHECK_IDS = (REMOVED, PARAM_RENAMED, QUERY_REQUIRED, BODY_REQUIRED, RESPONSE_REMOVED)


@dataclass(frozen=True)
class Change:
    check: str
    title: str
    detail: str
    path: str  # the file the finding belongs to
    line: int  # a line of the head version, or 0 when what changed is gone
    removed_line: int = 0  # the base line of what is gone (to place the finding near it)
    # For a field of a type several endpoints share: the field, and the other endpoints.
    subject: str = ""
    also: tuple[str, ...] = ()


@dataclass
class Version:
    """One file of the change: its contract before and after (None: that version is
    not known, or does not parse)."""

    path: str
    base: Contract | None
    head: Contract | None
    changes: list[Change] = field(default_factory=list)


def _types(versions: list[Version], side: str) -> dict[str, dict[str, Field]]:
    out: dict[str, dict[str, Field]] = {}
    for version in versions:
        contract = version.base if side == "base" else version.head
        if contract is None:
            continue
        for name, fields in contract.types.items():
            stamped = {n: f if f.path else _at(f, version.path) for n, f in fields.items()}
            out.setdefault(name, stamped)
    return out


def _at(item: Field, path: str) -> Field:
    return Field(item.name, item.required, item.line, path, item.mode)


def _fields(
    endpoint: Endpoint,
    types: dict[str, dict[str, Field]],
    standalone: set[str],
    side: str,
) -> dict[str, Field] | None:
    declared = endpoint.body if side == "in" else endpoint.response
    type_name = endpoint.body_type if side == "in" else endpoint.response_type
    if declared is not None:
        return {n: f if f.path else _at(f, endpoint.path) for n, f in declared.items()}
    if not type_name or type_name in standalone or type_name not in types:
        return None
    unwanted = "out" if side == "in" else "in"
    return {n: f for n, f in types[type_name].items() if f.mode != unwanted}


def _index(versions: list[Version]) -> dict[tuple[str, str], Endpoint]:
    out: dict[tuple[str, str], Endpoint] = {}
    for version in versions:
        for endpoint in version.head.endpoints if version.head else ():
            endpoint.path = endpoint.path or version.path
            out.setdefault(endpoint.key, endpoint)
    return out


def _match(endpoint: Endpoint, head: dict[tuple[str, str], Endpoint]) -> Endpoint | None:
    method, path = endpoint.key
    found = head.get((method, path)) or head.get(("ANY", path))
    if found is None and method == "ANY":
        found = next((e for (m, p), e in head.items() if p == path), None)
    return found


def _shown(endpoint: Endpoint) -> str:
    return f"{endpoint.method} {endpoint.shown}" if endpoint.method != "ANY" else endpoint.shown


def compare(versions: list[Version]) -> list[Change]:
    """Every breaking change between the base and head contracts of the change's files."""
    base_types, head_types = _types(versions, "base"), _types(versions, "head")
    standalone = {
        name
        for version in versions
        for contract in (version.base, version.head)
        if contract is not None
        for name, _ in contract.standalone.values()
    }
    head = _index(versions)
    certain = all(v.head is not None for v in versions if v.base is not None)
    changes: list[Change] = []
    for version in versions:
        if version.base is None or version.head is None:
            continue
        for endpoint in version.base.endpoints:
            endpoint.path = version.path
            now = _match(endpoint, head)
            if now is None:
                if certain and not _unknown(endpoint, version.head):
                    changes.append(_removed(endpoint))
                continue
            changes += _endpoint_changes(endpoint, now, base_types, head_types, standalone)
        changes += _standalone_changes(version)
    return _merged(changes)


def _merged(changes: list[Change]) -> list[Change]:
    """One change per field of a shared type, naming every endpoint it touches."""
    out: list[Change] = []
    seen: dict[tuple[str, str, int, int, str], int] = {}
    for change in changes:
        if not change.subject:
            out.append(change)
            continue
        key = (change.check, change.path, change.line, change.removed_line, change.subject)
        if key not in seen:
            seen[key] = len(out)
            out.append(change)
            continue
        first = out[seen[key]]
        endpoint = change.title.split("`")[1]
        out[seen[key]] = Change(
            first.check,
            first.title,
            first.detail,
            first.path,
            first.line,
            first.removed_line,
            first.subject,
            (*first.also, endpoint),
        )
    return [_with_also(c) for c in out]


def _with_also(change: Change) -> Change:
    if not change.also:
        return change
    names = ", ".join(f"`{e}`" for e in change.also)
    return Change(
        change.check,
        f"{change.title} (also {names})",
        change.detail,
        change.path,
        change.line,
        change.removed_line,
        change.subject,
        change.also,
    )


def _unknown(endpoint: Endpoint, head: Contract) -> bool:
    """Whether the endpoint may well live on where this file cannot tell: its router
    prefix left the file (now given where the router is mounted), or its DRF view class
    was renamed (the URL comes from a `router.register` elsewhere)."""
    if endpoint.local:
        bare = normalized(endpoint.local)
        if any(
            e.method == endpoint.method and not e.local and e.key[1] == bare for e in head.endpoints
        ):
            return True
    if endpoint.shown.startswith("/@"):
        view = endpoint.shown.split("/")[1]
        return not any(e.shown.split("/")[1] == view for e in head.endpoints)
    return False


def _removed(endpoint: Endpoint) -> Change:
    shown = _shown(endpoint)
    return Change(
        REMOVED,
        f"Endpoint `{shown}` removed",
        f"No route of the change answers `{shown}` any more: clients calling it now get "
        f"404 (or 405). Breaks: every client, SDK and integration calling `{shown}`. Keep "
        "it (deprecated, with a sunset date) until callers have moved.",
        endpoint.path,
        0,
        endpoint.line,
    )


def _endpoint_changes(
    old: Endpoint,
    new: Endpoint,
    base_types: dict[str, dict[str, Field]],
    head_types: dict[str, dict[str, Field]],
    standalone: set[str],
) -> Iterator[Change]:
    shown = _shown(new)
    if old.params != new.params and len(old.params) == len(new.params):
        renamed = [f"`{a}` -> `{b}`" for a, b in zip(old.params, new.params, strict=True) if a != b]
        yield Change(
            PARAM_RENAMED,
            f"Path parameter renamed in `{shown}`: {', '.join(renamed)}",
            "The URL still matches, but the parameter's name is part of the contract: "
            "generated SDKs, OpenAPI documents and clients that fill the path by name "
            "change with it. Breaks: generated clients and callers passing the parameter "
            "by name.",
            new.path,
            new.line,
        )
    for name, item in new.query.items():
        before = old.query.get(name)
        if item.required and name not in old.params and (before is None or not before.required):
            was = "optional" if before is not None else "not there"
            yield Change(
                QUERY_REQUIRED,
                f"`{shown}` now requires query parameter `{name}`",
                f"It was {was} before; requests without it are now rejected (422/400). "
                "Breaks: every existing caller, none of which sends it. Give it a default.",
                new.path,
                item.line or new.line,
            )
    old_body = _fields(old, base_types, standalone, "in")
    new_body = _fields(new, head_types, standalone, "in")
    if old_body is not None and new_body is not None and new.method != "PATCH":
        for name, item in new_body.items():
            before = old_body.get(name)
            if item.required and (before is None or not before.required):
                was = "optional" if before is not None else "not part of the body"
                yield Change(
                    BODY_REQUIRED,
                    f"`{shown}` now requires body field `{name}`",
                    f"It was {was} before; requests that do not send it are now rejected. "
                    "Breaks: every existing client of the endpoint. Make it optional with a "
                    "default, or add it in a new version.",
                    item.path or new.path,
                    item.line or new.line,
                    subject=f"{new.body_type}.{name}",
                )
    old_out = _fields(old, base_types, standalone, "out")
    new_out = _fields(new, head_types, standalone, "out")
    if old_out is not None and new_out is not None:
        for name, item in old_out.items():
            if name not in new_out:
                yield _response_removed(shown, name, item, old.path)


def _response_removed(shown: str, name: str, item: Field, fallback: str) -> Change:
    return Change(
        RESPONSE_REMOVED,
        f"`{shown}` no longer returns field `{name}`",
        f"The response field `{name}` is gone. Breaks: clients that read it (they get "
        "undefined/null, or fail to deserialize). Keep it (deprecated) until callers stop "
        "reading it.",
        item.path or fallback,
        0,
        item.line,
        subject=f"{item.path}:{item.line}:{name}",
    )


def _standalone_changes(version: Version) -> Iterator[Change]:
    assert version.base is not None and version.head is not None
    for key, (name, old) in version.base.standalone.items():
        if key not in version.head.standalone:
            continue
        new = version.head.standalone[key][1]
        for field_name, item in old.items():
            readable = [f for f in (new.get(field_name),) if f is not None and f.mode != "in"]
            if item.mode != "in" and not readable:
                yield _response_removed(key, field_name, item, version.path)
        for field_name, item in new.items():
            before = old.get(field_name)
            if item.mode == "out" or not item.required:
                continue
            if before is None or not before.required or before.mode == "out":
                yield Change(
                    BODY_REQUIRED,
                    f"`{key}` now requires field `{field_name}`",
                    f"Every endpoint that validates requests with `{name}` now rejects "
                    "requests without it. Breaks: every existing client of those endpoints.",
                    version.path,
                    item.line,
                )

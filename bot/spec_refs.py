"""The other files an OpenAPI description `$ref`s, read at the same commit as the spec.

A spec split over files (`$ref: schemas/order.yaml#/Order`) can only be compared when
the base side reads those files at the base commit and the head side at the head. The
rule engine may run in a child process that cannot call GitHub or git, so the files
are read up front, in the parent: `collect` follows the external refs of one spec
(transitively, bounded) through the caller's reader, and the texts travel with the
rule work as plain data. Checks read them back with `resolver(spec, side)`.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal

Side = Literal["base", "head"]
# Reads a repository path at one side of the change; None when absent or unreadable.
RefReader = Callable[[str, Side], str | None]
# (side, spec path) -> referenced repository path -> text
RefTexts = dict[tuple[str, str], dict[str, str]]

# Files one spec may pull in per side: a spec split over more is read up to here.
MAX_REF_FILES = 30
_MAX_REF_CHARS = 2_000_000

_CURRENT: ContextVar[RefTexts | None] = ContextVar("bastion_spec_refs", default=None)


def repo_path(spec_path: str, ref_file: str) -> str | None:
    """The repository path a ref's file part names, relative to the spec's folder;
    None for a URL, an absolute path or one that leaves the repository."""
    if not ref_file or "://" in ref_file or ref_file.startswith("/") or "\0" in ref_file:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(spec_path), ref_file))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None
    return joined


def _external_refs(data: Any) -> Iterator[str]:
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                file = ref.partition("#")[0]
                if file:
                    yield file
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _parse(text: str) -> Any:
    # Imported here: most reviews hold no API spec, and PyYAML is a noticeable share
    # of a small review's start-up.
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, RecursionError):
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            return None


def collect(spec_path: str, text: str, side: Side, read: RefReader) -> dict[str, str]:
    """Every file the spec reaches through external `$ref`s, read at `side`:
    repository path -> text. At most `MAX_REF_FILES`; unreadable files are left out
    (their refs then compare as unknown, as without a reader)."""
    if "$ref" not in text:
        return {}
    found: dict[str, str] = {}
    tried: set[str] = set()
    queue: list[tuple[str, str]] = [(spec_path, text)]
    while queue and len(tried) < MAX_REF_FILES:
        where, body = queue.pop(0)
        if "$ref" not in body:
            continue
        for ref_file in _external_refs(_parse(body)):
            path = repo_path(where, ref_file)
            if path is None or path in tried or path == spec_path:
                continue
            if len(tried) >= MAX_REF_FILES:
                break
            tried.add(path)
            loaded = read(path, side)
            if loaded is None or len(loaded) > _MAX_REF_CHARS:
                continue
            found[path] = loaded
            queue.append((path, loaded))
    return found


@contextmanager
def use(texts: RefTexts) -> Iterator[None]:
    token = _CURRENT.set(texts)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current() -> RefTexts | None:
    return _CURRENT.get()


def resolver(spec_path: str, side: str) -> Callable[[str], str | None] | None:
    """The `resolve_ref(path)` hook of `bot.rules.lib.openapi_diff` for one spec and side,
    over the texts of the current review; None when the review read none."""
    texts = (_CURRENT.get() or {}).get((side, spec_path))
    if not texts:
        return None
    return _Resolver(spec_path, texts)


class _Resolver:
    """Callable and hashable by value: `openapi_diff.load` caches on its arguments."""

    def __init__(self, spec_path: str, texts: Mapping[str, str]) -> None:
        self.spec_path = spec_path
        self.texts = dict(texts)
        self._key = (spec_path, tuple(sorted((p, hash(t)) for p, t in self.texts.items())))

    def __call__(self, path: str) -> str | None:
        # `openapi_diff` asks with paths relative to the spec's folder (refs inside
        # referenced files are already rebased onto it).
        target = repo_path(self.spec_path, path)
        return self.texts.get(target) if target is not None else None

    def __hash__(self) -> int:
        return hash(self._key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Resolver) and other._key == self._key


def openapi_refs(file: Any, side: str) -> Callable[[str], str | None] | None:
    """`OpenApiBreaking(refs=...)`: the current review's referenced files."""
    return resolver(str(file.path), side)

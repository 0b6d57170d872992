"""The contract a route file declares: endpoints with their parameters and the fields
of their request and response bodies, as plain data the diff compares."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from bot import lazyre as re

# Path parameters in every framework's spelling: `{id}`, `{id:int}`, `<int:id>`, `:id`,
# `*path` (Express/Gin wildcards) and Rails' `(.:format)` tail.
_PARAM = re.compile(r"\{([A-Za-z_]\w{0,60})[^}/]{0,60}\}|<(?:\w{1,20}:)?(\w{1,60})>|[:*](\w{1,60})")


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    line: int  # where it is declared in its version (0: not known)
    path: str = ""  # the file that declares it (filled in when types are collected)
    mode: str = ""  # "in": request only (write-only), "out": response only (read-only)


@dataclass
class Endpoint:
    method: str  # GET, POST ... or ANY
    shown: str  # the full path as declared, prefix included
    line: int  # the line of the declaration (the path literal, or the route call)
    path: str = ""  # the file that declares it
    query: dict[str, Field] = field(default_factory=dict)
    # None: the framework does not say (a handler reading `req.body` freely); an empty
    # dict: it says there is no body / no documented field.
    body: dict[str, Field] | None = None
    response: dict[str, Field] | None = None
    body_type: str = ""  # names for messages: the request and response types
    response_type: str = ""
    # The path as the route itself spells it, without the router/controller prefix the
    # file adds (empty: no prefix): a prefix that leaves the file moved to the mount.
    local: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.method, normalized(self.shown)

    @property
    def params(self) -> tuple[str, ...]:
        return path_params(self.shown)


def join(prefix: str, path: str) -> str:
    """`prefix` + `path` with exactly one `/` between them and a leading `/`."""
    whole = "/".join(part.strip("/") for part in (prefix, path) if part.strip("/"))
    return "/" + whole


def path_params(path: str) -> tuple[str, ...]:
    return tuple(next(g for g in m.groups() if g) for m in _PARAM.finditer(path))


def normalized(path: str) -> str:
    """The path as a client sees it: parameters blank (`/users/{}`), no trailing slash,
    no Rails format suffix."""
    path = path.replace("(.:format)", "")
    path = _PARAM.sub("{}", path)
    return "/" + "/".join(part for part in path.split("/") if part)


class Lines:
    """Offsets to 1-based line numbers, in O(log n) per lookup."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def closing(text: str, start: int, open_char: str = "{", close_char: str = "}") -> int:
    """The index just past the bracket that closes the one at `start` (strings skipped);
    len(text) when it never closes."""
    depth, quote, index = 0, "", start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char == open_char:
            depth += 1
        elif char == close_char:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)


@dataclass
class Contract:
    """What one version of one file declares: its endpoints, and the request/response
    types it defines (by name) for routes in other files of the same change."""

    endpoints: list[Endpoint] = field(default_factory=list)
    types: dict[str, dict[str, Field]] = field(default_factory=dict)
    # Types that are a contract on their own, whoever uses them: a Laravel form request
    # (its rules are the body), a DRF serializer (its fields go both ways).
    standalone: dict[str, tuple[str, dict[str, Field]]] = field(default_factory=dict)

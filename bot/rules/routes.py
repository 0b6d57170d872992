"""HTTP routes whose path carries a CRUD verb (`api-verb-in-path`).

One ast-grep mechanism (`lib.route_readers`) finds route declarations in FastAPI/Flask
(decorators, `add_url_rule`, `add_api_route`, router prefixes), Express-style apps (`app.get`,
`router.post`, `app.route`, `app.use`, Fastify and Hono share the shape) and
NestJS decorators; a small word analysis then decides whether a path segment is a
verb. Only lines the change added are reported, so an old route in context is
left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot import lazyre as re
from bot.models import ChangedFile, FileKind
from bot.rules.astgrep import lines
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib.route_readers import Route, routes
from bot.select import is_test_path

RULE_ID = "api-verb-in-path"

# Verbs that name a CRUD operation the HTTP method already expresses, with the
# method that should carry them. Flagged as a whole segment (`/delete/`), as a
# camelCase prefix (`getUser`) or before `-`/`_` (`update-profile`, `fetch_items`).
_CRUD_VERBS: dict[str, str] = {
    "get": "GET",
    "fetch": "GET",
    "retrieve": "GET",
    "create": "POST",
    "add": "POST",
    "insert": "POST",
    "update": "PATCH",
    "edit": "PATCH",
    "modify": "PATCH",
    "set": "PATCH",
    "save": "PUT",
    "upsert": "PUT",
    "delete": "DELETE",
    "remove": "DELETE",
    "destroy": "DELETE",
}
# Words that are verbs only as a camelCase prefix (`listUsers`, `doPayment`): alone
# or hyphenated they are usually nouns (`/list`, `/mailing-list`, `/list-price`).
_CAMEL_ONLY_VERBS: dict[str, str] = {
    "list": "GET",
    "find": "GET",
    "read": "GET",
    "load": "GET",
    "make": "POST",
    "do": "POST",
    "post": "POST",
    "put": "PUT",
    "change": "PATCH",
}
# Verbs that act on a collection, whose resource path is the plural noun.
_COLLECTION_VERBS = frozenset({"create", "add", "insert", "list"})
# Hyphenated nouns that start with a verb.
_NOUN_PHRASES = frozenset({"add-on", "add-ons", "set-up", "edit-history", "update-history"})
_CAMEL = re.compile(r"^([A-Za-z][a-z]*)[A-Z0-9]")
_SEPARATED = re.compile(r"^([A-Za-z]+)[-_][A-Za-z0-9]")
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


@dataclass(frozen=True)
class VerbSegment:
    verb: str
    method: str
    index: int  # position among the path's "/"-separated parts
    rest: str  # the segment without the verb, as a kebab-case noun ("" when it was only the verb)


# --- the words -----------------------------------------------------------------------


def _is_parameter(segment: str) -> bool:
    return segment[:1] in {"{", "<", ":", "*", "["} or ":" in segment or "{" in segment


def _kebab(text: str) -> str:
    return "-".join(word.lower() for word in _WORDS.findall(text))


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(x|ch|sh)$", word):
        return word + "es"
    return word + "s"


def _noun(verb: str, rest: str) -> str:
    """The resource a verb-prefixed segment is about: `createOrder` -> `orders`,
    `getUserById` -> `user`, `update-profile` -> `profile`."""
    noun = re.sub(r"-by-.*$", "", _kebab(rest))
    if noun and verb in _COLLECTION_VERBS:
        head, _, last = noun.rpartition("-")
        noun = f"{head}-{_plural(last)}" if head else _plural(last)
    return noun


def _verb_of(segment: str) -> tuple[str, str, str] | None:
    """(verb, method, rest) when the segment starts with a verb, else None."""
    word = segment.split(".")[0]
    lowered = word.lower()
    if lowered in _CRUD_VERBS:
        return lowered, _CRUD_VERBS[lowered], ""
    camel = _CAMEL.match(word)
    if camel:
        verb = camel.group(1).lower()
        method = _CRUD_VERBS.get(verb) or _CAMEL_ONLY_VERBS.get(verb)
        if method:
            return verb, method, _noun(verb, word[len(verb) :])
    separated = _SEPARATED.match(word)
    if separated and lowered.replace("_", "-") not in _NOUN_PHRASES:
        verb = separated.group(1).lower()
        if verb in _CRUD_VERBS:
            return verb, _CRUD_VERBS[verb], _noun(verb, word[len(verb) + 1 :])
    return None


def verb_in_path(path: str) -> VerbSegment | None:
    """The first path segment that is, or starts with, a verb."""
    for index, segment in enumerate(path.split("/")):
        if not segment or _is_parameter(segment):
            continue
        found = _verb_of(segment)
        if found:
            return VerbSegment(verb=found[0], method=found[1], index=index, rest=found[2])
    return None


def resource_route(path: str, found: VerbSegment) -> str:
    """`METHOD /path` with the verb taken out of the path."""
    parts = path.split("/")
    if found.rest:
        parts[found.index] = found.rest
    else:
        del parts[found.index]
    new_path = "/".join(parts)
    if path.startswith("/") and not new_path.startswith("/"):
        new_path = "/" + new_path
    return f"{found.method} {new_path or '/'}"


def _form_page(route: Route, found: VerbSegment) -> bool:
    """Rails' and Laravel's `GET .../edit` and Laravel's `GET .../create` form pages."""
    return (
        route.form_pages
        and route.method in {"GET", None}
        and found.verb in {"create", "edit"}
        and not found.rest
    )


def _hit(file: ChangedFile, route: Route) -> Hit | None:
    found = verb_in_path(route.path) if not route.resource else None
    if found is None or _form_page(route, found):
        return None
    first, last = lines(route.node)
    suggested = resource_route(route.path, found)
    registered = (
        f" It is registered for `{route.method}`."
        if route.method and route.method != found.method
        else ""
    )
    return Hit(
        rule=RULE_ID,
        path=file.path,
        line=first,
        end_line=last,
        title=f"Verb `{found.verb}` in new route path `{route.path}`",
        detail=f"Suggested: `{suggested}` — the method carries the action, the path names "
        f"the resource.{registered}",
    )


RULE = catalog_rule(RULE_ID)


class ApiVerbInPath(Check):
    name = "ast-grep:routes"
    rules = (RULE,)
    languages = frozenset(RULE.languages)
    kinds = frozenset({FileKind.CODE})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []  # throwaway apps in tests (`/set`, `/get`) are no public API
        hits = (_hit(file, route) for route in routes(file))
        return [hit for hit in hits if hit is not None]


CHECKS: list[Check] = [ApiVerbInPath()]

"""Laravel: route files (`Route::get(...)`, `Route::apiResource(...)`, prefix groups),
form requests (`rules()`: a field is required when its rules say `required`) and API
resources (`toArray()`: the keys every response built with it carries). The last two
are contracts on their own, whichever routes use them."""

from __future__ import annotations

from bot import lazyre as re
from bot.routes_contract.model import Contract, Endpoint, Field, Lines, closing, join
from bot.routes_contract.scan import blank_comments, parses, split_top

_ROUTE = re.compile(
    r"(?:Route::|->)(get|post|put|patch|delete|any|options|apiResource|resource)\(\s{0"
    r",10}(['\"])([^'\"\n]{0,300})\2"
)
_PREFIX = re.compile(
    r"(?:Route::|->)prefix\(\s{0,10}(['\"])([^'\"\n]{0,200})\1\s{0,10}\)"
    r"|Route::group\(\s{0,10}\[[^\]]{0,300}?['\"]prefix['\"]\s{0,10}=>\s{0,10}(['\"])"
    r"([^'\"\n]{0,200})\3"
)
_OLD_GROUP = re.compile(
    r"[^{;]{0,300}?,\s{0,10}(?:static\s{1,10})?function\s{0,10}\([^)]{0,100}\)\s{0,10}\{"
)
_GROUP = re.compile(
    r"->group\(\s{0,10}(?:static\s{1,10})?function\s{0,10}\([^)]{0,100}\)\s{0,10}(?:us"
    r"e\s{0,10}\([^)]{0,200}\)\s{0,10})?\{"
)
_CLASS = re.compile(
    r"\bclass\s{1,10}(\w{1,80})\s{1,10}extends\s{1,10}(FormRequest|JsonResource|Resource)\b"
)
_FUNCTION = re.compile(r"function\s{1,10}(rules|toArray)\s{0,10}\(")
_RETURN = re.compile(r"\breturn\s{0,10}\[")
_KEY = re.compile(r"\s{0,40}(['\"])([\w.*]{1,120})\1\s{0,10}=>")
_RESOURCE_ACTIONS = (
    ("index", "GET", False),
    ("store", "POST", False),
    ("show", "GET", True),
    ("update", "PUT", True),
    ("update", "PATCH", True),
    ("destroy", "DELETE", True),
)


def _singular(word: str) -> str:
    word = word.rsplit(".", 1)[-1].replace("-", "_")
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _routes(code: str, lines: Lines) -> list[Endpoint]:
    groups: list[tuple[int, int, str]] = []  # body start, end, prefix
    for match in _PREFIX.finditer(code):
        if match.group(4) is not None:  # Route::group(['prefix' => 'v1'], function () {...})
            old = _OLD_GROUP.match(code, match.end())
            if old is not None:
                start = old.end() - 1
                groups.append((start, closing(code, start), match.group(4)))
            continue
        group = _GROUP.match(code, match.end())
        if group is None:
            later = _GROUP.search(code, match.end(), match.end() + 400)
            group = later if later and ";" not in code[match.end() : later.start()] else None
        if group is not None:
            start = group.end() - 1
            groups.append((start, closing(code, start), match.group(2)))
    out: list[Endpoint] = []
    for match in _ROUTE.finditer(code):
        prefix = ""
        for start, end, piece in groups:  # outermost first: they were found in order
            if start < match.start() < end:
                prefix = join(prefix, piece)
        path, line = join(prefix, match.group(3)), lines.of(match.start(3))
        verb = match.group(1)
        if verb in {"apiResource", "resource"}:
            only = re.search(
                r"->only\(\s{0,10}\[([^\]]{0,300})\]", code[match.end() : match.end() + 400]
            )
            wanted = set(re.findall(r"['\"](\w{1,40})['\"]", only.group(1))) if only else None
            param = "{" + _singular(match.group(3)) + "}"
            for action, method, member in _RESOURCE_ACTIONS:
                if wanted is None or action in wanted:
                    out.append(Endpoint(method, path + ("/" + param if member else ""), line))
            continue
        out.append(Endpoint("ANY" if verb == "any" else verb.upper(), path, line))
    return out


def _array_fields(code: str, start: int, lines: Lines, form: bool) -> dict[str, Field] | None:
    end = closing(code, start, "[", "]")
    fields: dict[str, Field] = {}
    offset = start + 1
    for part in split_top(code[start + 1 : end - 1]):
        at, offset = offset, offset + len(part) + 1
        key = _KEY.match(part)
        if key is None:
            if form:
                continue
            return None  # `...parent::toArray()`, a merge: the keys are not all known
        name = key.group(2)
        if form and "." in name:
            continue  # nested rules (`items.*.id`) describe the inside of a field
        rules = part[key.end() :]
        required = form and bool(re.search(r"['\"|]required['\"|]", rules.replace(" ", "")))
        required = required and "sometimes" not in rules
        fields[name] = Field(
            name,
            required,
            lines.of(at + len(part) - len(part.lstrip())),
            mode="in" if form else "out",
        )
    return fields


def extract(text: str, path: str) -> Contract | None:
    if not parses(text, "php"):
        return None
    code = blank_comments(text, hash_comments=True)
    lines = Lines(code)
    contract = Contract()
    if "Route::" in code:
        contract.endpoints = _routes(code, lines)
    for match in _CLASS.finditer(code):
        form = match.group(2) == "FormRequest"
        function = _FUNCTION.search(code, match.end())
        if function is None or function.group(1) != ("rules" if form else "toArray"):
            continue
        brace = code.find("{", function.end())
        body_end = closing(code, brace) if brace >= 0 else -1
        returned = _RETURN.search(code, brace, body_end) if brace >= 0 else None
        if returned is None:
            continue
        fields = _array_fields(code, returned.end() - 1, lines, form)
        if fields is not None:
            kind = "form request" if form else "API resource"
            contract.standalone[f"{kind} {match.group(1)}"] = (match.group(1), fields)
    return contract

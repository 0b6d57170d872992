"""Rails: `config/routes.rb` (resources, nested resources, namespaces, scopes, member and
collection routes, verb routes) and controllers, whose actions are contracts on their
own: the top-level keys `params.require(...)` demands and the keys `render json: {...}`
answers with."""

from __future__ import annotations

from bot import lazyre as re
from bot.routes_contract.model import Contract, Endpoint, Field, Lines, closing, join
from bot.routes_contract.scan import blank_comments, split_top

_ACTIONS = {
    "index": ("GET", False, ""),
    "create": ("POST", False, ""),
    "show": ("GET", True, ""),
    "update": ("PATCH", True, ""),
    "destroy": ("DELETE", True, ""),
}
_SINGULAR_ACTIONS = {"show": "GET", "create": "POST", "update": "PATCH", "destroy": "DELETE"}
_LINE = re.compile(
    r"^[ \t]{0,80}(resources|resource|namespace|scope|member|collection|get|post|put|patch|delete"
    r"|match|concern)\b[ \t(]{0,10}(.{0,400}?)[ \t]{0,10}"
    r"(do(?:[ \t]{0,10}\|[^|\n]{0,80}\|)?)?[ \t]{0,10}$"
)
_END = re.compile(r"^[ \t]{0,80}end\b")
_DO = re.compile(r"\bdo(?:[ \t]{0,10}\|[^|\n]{0,80}\|)?[ \t]{0,10}$")
_SYMBOL = re.compile(r"^:(\w{1,80})|^[\"']([^\"'\n]{0,300})[\"']")


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _option_list(options: str, name: str) -> set[str] | None:
    found = re.search(
        rf"(?:\b{name}:|:{name}\s{{0,5}}=>)\s{{0,10}}(?:%[iIwW])?"
        r"(\[[^\]]{0,300}\]|\([^)]{0,300}\)|:\w{1,40}|[\"']\w{1,40}[\"'])",
        options,
    )
    return set(re.findall(r"(\w{1,40})", found.group(1))) if found else None


def _routes(text: str) -> list[Endpoint]:
    out: list[Endpoint] = []
    # Each open `do` block, with the full path prefix routes inside it get.
    stack: list[str] = []
    for number, row in enumerate(text.split("\n"), start=1):
        if _END.match(row):
            if stack:
                stack.pop()
            continue
        prefix = stack[-1] if stack else ""
        opens = bool(_DO.search(row))
        match = _LINE.match(row)
        inner = prefix
        if match is not None:
            keyword, rest = match.group(1), match.group(2)
            name = _SYMBOL.match(rest.strip())
            value = (name.group(1) or name.group(2)) if name else ""
            if keyword in {"resources", "resource"} and value:
                out += _resource(keyword == "resources", join(prefix, value), rest, number)
                inner = join(prefix, value)
                inner += f"/{{{_singular(value)}_id}}" if keyword == "resources" else ""
            elif keyword in {"namespace", "scope"}:
                found = re.search(r"path:\s{0,10}[\"']([^\"'\n]{0,200})[\"']", rest)
                inner = join(prefix, found.group(1) if found else value)
            elif keyword == "member":
                inner = re.sub(r"/\{\w{1,80}_id\}$", "/{id}", prefix)
            elif keyword == "collection":
                inner = re.sub(r"/\{\w{1,80}_id\}$", "", prefix)
            elif keyword in {"get", "post", "put", "patch", "delete", "match"} and value:
                via = _option_list(rest, "via") if keyword == "match" else {keyword}
                for method in sorted(via or {"get"}):
                    out.append(Endpoint(method.upper(), join(prefix, value), number))
        if opens:
            stack.append(inner)
    return out


def _resource(plural: bool, base: str, options: str, line: int) -> list[Endpoint]:
    only, excepted = _option_list(options, "only"), _option_list(options, "except")
    actions = _ACTIONS if plural else {k: (m, False, "") for k, m in _SINGULAR_ACTIONS.items()}
    out: list[Endpoint] = []
    for action, (method, member, _) in actions.items():
        if (only is not None and action not in only) or (excepted and action in excepted):
            continue
        param = re.search(r"\bparam:\s{0,10}:(\w{1,80})", options)
        path = base + (f"/{{{param.group(1) if param else 'id'}}}" if member else "")
        out.append(Endpoint(method, path, line))
        if action == "update":
            out.append(Endpoint("PUT", path, line))
    return out


_DEF = re.compile(r"^([ \t]{0,40})def[ \t]{1,10}(\w{1,80}[?!]?)", re.MULTILINE)
_CLASS = re.compile(r"^[ \t]{0,40}class[ \t]{1,10}([\w:]{1,120})", re.MULTILINE)
_RENDER = re.compile(r"\brender[ \t(]{1,10}json:[ \t]{0,10}\{")
_REQUIRE = re.compile(r"\bparams\.require\(\s{0,10}:(\w{1,80})\s{0,10}\)")
_HASH_KEY = re.compile(
    r"^\s{0,40}(?:(\w{1,80}):(?!:)|:(\w{1,80})\s{0,10}=>|[\"'](\w{1,80})[\"']\s{0,10}(?:=>|:))"
)


def _controller(text: str, lines: Lines, contract: Contract) -> None:
    owner = _CLASS.search(text)
    name = owner.group(1) if owner else "controller"
    defs = list(_DEF.finditer(text))
    for index, match in enumerate(defs):
        end = defs[index + 1].start() if index + 1 < len(defs) else len(text)
        body = text[match.end() : end]
        fields: dict[str, Field] = {}
        unknown = False
        for reply in _RENDER.finditer(body):
            start = match.end() + reply.end() - 1
            literal = text[start : closing(text, start)]
            for part in split_top(literal[1:-1]):
                key = _HASH_KEY.match(part)
                if key is None:
                    unknown = True
                    break
                field = next(g for g in key.groups() if g)
                fields[field] = Field(field, False, lines.of(start), mode="out")
        for required in _REQUIRE.finditer(body):
            field = required.group(1)
            at = match.end() + required.start()
            fields[field] = Field(field, True, lines.of(at), mode="in")
        if fields and not unknown:
            contract.standalone[f"{name}#{match.group(2)}"] = (name, fields)


def extract(text: str, path: str) -> Contract | None:
    code = blank_comments(text, hash_comments=True)
    if code.count("(") != code.count(")") or code.count("{") != code.count("}"):
        return None  # a cheap stand-in for a parse: unbalanced brackets
    contract = Contract()
    if path.endswith("config/routes.rb") or "config/routes/" in path:
        contract.endpoints = _routes(code)
    elif path.endswith("_controller.rb"):
        _controller(code, Lines(code), contract)
    return contract

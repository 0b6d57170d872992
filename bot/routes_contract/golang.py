"""Gin and Echo routers (`r.GET("/p", h)`, `g := r.Group("/v1")`) with the structs their
handlers bind (`c.ShouldBindJSON(&req)`, `c.Bind(req)`) and answer (`c.JSON(200, X{...})`,
`gin.H{...}`). A struct field is named by its `json` tag and required when its
`binding`/`validate` tag says `required`."""

from __future__ import annotations

from bot import lazyre as re
from bot.routes_contract.model import Contract, Endpoint, Field, Lines, closing, join
from bot.routes_contract.scan import blank_comments, object_keys, parses

_GROUP = re.compile(
    r"\b(\w{1,60})\s{0,10}:?=\s{0,10}(\w{1,60})\.Group\(\s{0,10}\"([^\"\n]{0,200})\""
)
_ROUTE = re.compile(
    r"\b(\w{1,60})\.(GET|POST|PUT|PATCH|DELETE|Any|Get|Post|Put|Patch|Delete)\(\s{0,10}"
    r"\"(/[^\"\n]{0,300})\"\s{0,10},"
)
# Receivers of `.Get(...)` that send requests (net/http, resty, test clients).
_CLIENTS = re.compile(r"^(?:http|client|\w{0,40}Client|cli|resty|req|request|session|cache)$")
_STRUCT = re.compile(r"\btype\s{1,10}(\w{1,80})\s{1,10}struct\s{0,10}\{")
_FIELD = re.compile(
    r"^[ \t]{0,40}(\w{1,80})[ \t]{1,20}[^`\n]{1,200}?`([^`\n]{0,300})`", re.MULTILINE
)
_TAG = re.compile(r"(\w{1,40}):\"([^\"]{0,200})\"")
_REQUIRED_TAG = re.compile(r"(?:binding|validate):\"[^\"]{0,200}\brequired\b")
_FUNC = re.compile(r"\bfunc\s{0,10}(?:\([^)]{0,200}\)\s{0,10})?(\w{1,80})\s{0,10}\(")
_BIND = re.compile(
    r"\.(?:ShouldBindJSON|BindJSON|ShouldBind|Bind|ShouldBindWith|BodyParser)\(\s{0,10}&?(\w{1,80})"
)
_REPLY = re.compile(r"\b\w{1,40}\.JSON\(\s{0,10}(\d{3}|http\.Status\w{1,40})\s{0,10},\s{0,10}")
_SUCCESS = re.compile(r"^(?:2\d\d|http\.Status(?:OK|Created|Accepted))$")


def _structs(text: str, lines: Lines) -> dict[str, dict[str, Field]]:
    out: dict[str, dict[str, Field]] = {}
    for match in _STRUCT.finditer(text):
        start = match.end() - 1
        body = text[start : closing(text, start)]
        fields: dict[str, Field] = {}
        for found in _FIELD.finditer(body):
            tags = dict(_TAG.findall(found.group(2)))
            name = str(tags.get("json", found.group(1))).split(",")[0] or found.group(1)
            if name == "-":
                continue
            rules = tags.get("binding", "") + "," + tags.get("validate", "")
            required = "required" in rules.split(",") and "omitempty" not in rules
            fields[name] = Field(name, required, lines.of(start + found.start(1)))
        out[match.group(1)] = fields
    return out


def _type_of(var: str, body: str, types: dict[str, dict[str, Field]]) -> str:
    patterns = (
        rf"\bvar\s{{1,10}}{var}\s{{1,10}}\*?(\w{{1,80}})",
        rf"\b{var}\s{{0,10}}:?=\s{{0,10}}&?(\w{{1,80}})\{{",
        rf"\b{var}\s{{0,10}}:?=\s{{0,10}}new\((\w{{1,80}})\)",
    )
    for pattern in patterns:
        found = re.search(pattern, body)
        if found and found.group(1) in types:
            return found.group(1)
    return ""


def _response(
    body: str, types: dict[str, dict[str, Field]], offset: int, lines: Lines
) -> tuple[dict[str, Field] | None, str]:
    keys: dict[str, Field] = {}
    replies, type_name = 0, ""
    for match in _REPLY.finditer(body):
        if not _SUCCESS.match(match.group(1)):
            continue
        replies += 1
        rest = body[match.end() :]
        literal = re.match(
            r"(?:gin\.H|echo\.Map|map\[string\]\s{0,5}(?:any|interface\{\}))\s{0,5}(?=\{)", rest
        )
        line = lines.of(offset + match.start())
        if literal:
            found = object_keys(rest[literal.end() :])
            if found is None:
                return None, ""
            keys.update({k: Field(k, False, line) for k in found if k not in keys})
            continue
        named = re.match(r"&?(\w{1,80})\s{0,5}\{", rest) or re.match(r"(\w{1,80})\s{0,5}\)", rest)
        candidate = named.group(1) if named else ""
        candidate = candidate if candidate in types else _type_of(candidate, body, types)
        if not candidate or (type_name and candidate != type_name) or keys:
            return None, ""
        type_name = candidate
    if not replies:
        return None, ""
    return (None, type_name) if type_name else (keys, "")


def extract(text: str) -> Contract | None:
    if not parses(text, "go"):
        return None
    code = blank_comments(text)
    lines = Lines(code)
    contract = Contract(types=_structs(code, lines))
    for match in _STRUCT.finditer(code):
        body = code[match.end() - 1 : closing(code, match.end() - 1)]
        if match.group(1) in contract.types and _REQUIRED_TAG.search(body):
            # A struct with `binding:"required"` tags is bound from requests.
            fields = {
                n: Field(f.name, f.required, f.line, f.path, "in")
                for n, f in contract.types[match.group(1)].items()
            }
            contract.standalone[f"request struct {match.group(1)}"] = (match.group(1), fields)
    prefixes: dict[str, str] = {}
    for match in _GROUP.finditer(code):
        prefixes[match.group(1)] = join(prefixes.get(match.group(2), ""), match.group(3))
    functions = {m.group(1): m.end() - 1 for m in _FUNC.finditer(code)}
    for match in _ROUTE.finditer(code):
        if _CLIENTS.match(match.group(1)):
            continue
        method = "ANY" if match.group(2) == "Any" else match.group(2).upper()
        full = join(prefixes.get(match.group(1), ""), match.group(3))
        endpoint = Endpoint(method, full, lines.of(match.start(3)))
        if prefixes.get(match.group(1), "").strip("/"):
            endpoint.local = join("", match.group(3))
        rest = code[match.end() :].lstrip()
        body_at: int | None = None
        if rest.startswith("func"):
            body_at = code.find("{", match.end())
        else:
            handler = re.match(r"[\w.]{1,120}", rest)
            name = handler.group(0).split(".")[-1] if handler else ""
            if name in functions:
                body_at = code.find("{", closing(code, functions[name], "(", ")"))
        if body_at is not None and body_at >= 0:
            body = code[body_at : closing(code, body_at)]
            bound = _BIND.search(body)
            if bound:
                endpoint.body_type = _type_of(bound.group(1), body, contract.types)
            endpoint.response, endpoint.response_type = _response(
                body, contract.types, body_at, lines
            )
        contract.endpoints.append(endpoint)
    return contract

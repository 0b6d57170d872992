"""Express-style routers (Express, Fastify, Koa-router share the call shape) and NestJS
controllers with their DTO classes, read from TypeScript/JavaScript text.

Express declares little: a body is known only when the handler validates it with a
schema the file defines (zod `z.object`, Joi `Joi.object`), and a response only when
every success reply is an object literal without spreads. NestJS declares it all: the
controller prefix, `@Param`, `@Query`, `@Body() dto: Dto` and the return type, with DTO
fields required unless `?`, a default or `@IsOptional()` says otherwise.
"""

from __future__ import annotations

from bot import lazyre as re
from bot.routes_contract.model import Contract, Endpoint, Field, Lines, closing, join
from bot.routes_contract.scan import blank_comments, object_keys, parses, split_top

_CLIENTS = re.compile(
    r"^(?:axios|https?|fetch|got|ky|request|superagent|supertest|agent|client|httpClient"
    r"|apiClient|api|instance|\$http|cache|map|params|searchParams|headers|redis|store)$",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"(?<![\w$.])([\w$]{1,60})\.(get|post|put|patch|delete|del|all)\(\s{0,20}(['\"`])("
    r"/[^'\"`\n]{0,300})\3"
)
_ROUTE_CHAIN = re.compile(
    r"(?<![\w$.])([\w$]{1,60})\.route\(\s{0,20}(['\"`])(/[^'\"`\n]{0,300})\2\s{0,20}\)"
)
_CHAINED = re.compile(r"\s{0,40}\.(get|post|put|patch|delete|all)\(")
_REPLY = re.compile(r"(?<![\w$.])res(?:\.status\(\s{0,10}(\d{3})\s{0,10}\))?\.(?:json|send)\(")
_SCHEMA_CONST = re.compile(
    r"(?:const|let|var)\s{1,10}([\w$]{1,80})\s{0,10}=\s{0,10}(z|Joi)\.object\(\s{0,10}\{"
)
_VALIDATED = re.compile(
    r"([\w$]{1,80})\.(?:parse|safeParse|parseAsync|validate|validateAsync)\(\s{0,10}req\.body\b"
)

_BODY_CHECK = re.compile(
    r"(?<![\w$.])body\(\s{0,10}['\"]([\w.]{1,80})['\"]\s{0,10}\)([^,\]\n]{0,300})"
)
_NEST_CONTROLLER = re.compile(
    r"@Controller\(\s{0,20}(?:(['\"`])([^'\"`\n]{0,200})\1|\{[^}]{0,200}?path\s{0,5}:\s"
    r"{0,5}(['\"`])([^'\"`\n]{0,200})\3)?"
)
_NEST_ROUTE = re.compile(
    r"@(Get|Post|Put|Patch|Delete|All)\(\s{0,20}(?:(['\"`])([^'\"`\n]{0,300})\2)?\s{0,20}\)"
)
_DECORATOR = re.compile(r"\s{0,200}@[\w$.]{1,80}\(")
_MODIFIER = re.compile(r"\s{0,200}(?:public|async|private|protected|static)\b")
_NEST_METHOD = re.compile(r"\s{0,200}([\w$]{1,80})\s{0,10}\(")
_NEST_PARAM = re.compile(
    r"@(Param|Query|Body)\(\s{0,10}(?:(['\"`])([\w.-]{1,80})\2)?[^)]{0,200}\)\s{0,10}("
    r"[\w$]{1,80})(\?)?\s{0,10}(?::\s{0,10}([^=]{1,200}))?(=.{0,200})?$",
    re.DOTALL,
)
_CLASS = re.compile(
    r"(?:class|interface)\s{1,10}([A-Z][\w$]{0,80})(?:<[^>{]{0,200}>)?\s{0,10}(?:exten"
    r"ds\s{1,10}([\w$.]{1,80})(\([^){]{0,200}\))?[^{]{0,200})?\{"
)
_PROPERTY = re.compile(
    r"^[ \t]{0,40}(?:(?:public|readonly|private|protected|declare)\s{1,10}){0,3}([A-Za"
    r"-z_$][\w$]{0,80})(\?)?!?\s{0,10}:\s{0,10}[^;=\n]{1,200}?(=[^;\n]{0,200})?;?[ \t]"
    r"{0,40}$",
    re.MULTILINE,
)


_VALIDATOR = re.compile(r"@(?:Is[A-Z]\w{0,40}|Min|Max|Length|Matches|ValidateNested)\(")


def _as_input(item: Field) -> Field:
    return Field(item.name, item.required, item.line, item.path, "in")


def _schema_fields(text: str, lines: Lines) -> dict[str, dict[str, Field]]:
    """`const CreateOrder = z.object({ sku: z.string(), note: z.string().optional() })`."""
    out: dict[str, dict[str, Field]] = {}
    for match in _SCHEMA_CONST.finditer(text):
        start = match.end() - 1
        literal = text[start : closing(text, start)]
        fields: dict[str, Field] = {}
        offset = start + 1
        for part in split_top(literal[1:-1]):
            at = offset
            offset += len(part) + 1
            key = re.match(r"\s{0,40}['\"]?([\w$]{1,80})['\"]?\s{0,10}:", part)
            if key is None:
                continue
            value = part[key.end() :]
            if match.group(2) == "z":
                required = not re.search(r"\.(?:optional|nullish|default)\(", value)
            else:
                required = ".required()" in value
            fields[key.group(1)] = Field(key.group(1), required, lines.of(at + key.start(1)))
        out[match.group(1)] = fields
    return out


def _reply_keys(handler: str, offset: int, lines: Lines) -> dict[str, Field] | None:
    keys: dict[str, Field] = {}
    replies = 0
    for match in _REPLY.finditer(handler):
        if match.group(1) and not match.group(1).startswith("2"):
            continue
        replies += 1
        argument = handler[match.end() :].lstrip()
        found = object_keys(argument) if argument.startswith("{") else None
        if found is None:
            return None
        line = lines.of(offset + match.start())
        keys.update({k: Field(k, False, line) for k in found if k not in keys})
    return keys if replies else None


def _express(text: str, lines: Lines, contract: Contract) -> None:
    schemas = _schema_fields(text, lines)
    contract.types.update(schemas)
    calls: list[tuple[str, str, int, int]] = []  # method, path, path offset, call open paren
    for match in _CALL.finditer(text):
        if not _CLIENTS.match(match.group(1)):
            method = "DELETE" if match.group(2) == "del" else match.group(2).upper()
            calls.append((method, match.group(4), match.start(4), match.end(2)))
    for match in _ROUTE_CHAIN.finditer(text):
        if _CLIENTS.match(match.group(1)):
            continue
        at = match.end()
        while chained := _CHAINED.match(text, at):
            calls.append(
                (chained.group(1).upper(), match.group(3), match.start(3), chained.end() - 1)
            )
            at = closing(text, chained.end() - 1, "(", ")")
    for method, path, where, paren in calls:
        handler = text[paren : closing(text, paren, "(", ")")]
        endpoint = Endpoint("ANY" if method == "ALL" else method, join("", path), lines.of(where))
        validated = _VALIDATED.search(handler)
        if validated and validated.group(1) in schemas:
            endpoint.body_type = validated.group(1)
        elif checks := list(_BODY_CHECK.finditer(handler)):
            # express-validator: `body('email').isEmail()` in the route's middleware.
            endpoint.body = {
                m.group(1): Field(
                    m.group(1), ".optional(" not in m.group(2), lines.of(paren + m.start())
                )
                for m in checks
            }
        endpoint.response = _reply_keys(handler, paren, lines)
        contract.endpoints.append(endpoint)


def _classes(text: str, lines: Lines) -> dict[str, dict[str, Field]]:
    """DTO classes and interfaces: property name -> required?"""
    out: dict[str, dict[str, Field]] = {}
    for match in _CLASS.finditer(text):
        start = match.end() - 1
        body = text[start + 1 : closing(text, start) - 1]
        base, call = match.group(2), match.group(3)
        fields: dict[str, Field] = {}
        if base and base.split(".")[-1] in out and not call:
            fields.update(out[base.split(".")[-1]])
        if call and base and base.split(".")[-1] in {"PartialType", "OmitType", "PickType"}:
            inner = re.match(r"\(\s{0,10}([\w$]{1,80})", call)
            source = out.get(inner.group(1), {}) if inner else {}
            partial = base.endswith("PartialType")
            fields.update(
                {n: Field(n, f.required and not partial, f.line) for n, f in source.items()}
            )
        depth_zero = _depth_zero(body)
        previous = 0
        for prop in _PROPERTY.finditer(body):
            if not depth_zero[prop.start()]:
                continue
            decorators = body[previous : prop.start()]
            previous = prop.end()
            name = prop.group(1)
            optional = prop.group(2) or prop.group(3) or "@IsOptional(" in decorators
            fields[name] = Field(name, not optional, lines.of(start + 1 + prop.start(1)))
        out[match.group(1)] = fields
    return out


def _depth_zero(body: str) -> list[bool]:
    """For each offset of a class body, whether it sits outside any method/brace."""
    flags, depth = [], 0
    for char in body:
        flags.append(depth == 0)
        depth += 1 if char == "{" else -1 if char == "}" else 0
    flags.append(depth == 0)
    return flags


def _known(type_text: str, types: dict[str, dict[str, Field]]) -> str:
    found = [n for n in re.findall(r"[A-Z][\w$]{0,80}", type_text) if n in types]
    return found[0] if len(found) == 1 else ""


def _after_decorators(text: str, at: int) -> int:
    """The offset past the other decorators and modifiers that follow a route decorator."""
    while True:
        decorator = _DECORATOR.match(text, at)
        if decorator is not None:
            at = closing(text, decorator.end() - 1, "(", ")")
            continue
        modifier = _MODIFIER.match(text, at)
        if modifier is None:
            return at
        at = modifier.end()


def _nest(text: str, lines: Lines, contract: Contract) -> None:
    controller = _NEST_CONTROLLER.search(text)
    prefix = (controller.group(2) or controller.group(4) or "") if controller else ""
    for match in _NEST_ROUTE.finditer(text):
        method = match.group(1).upper()
        endpoint = Endpoint(
            "ANY" if method == "ALL" else method,
            join(prefix, match.group(3) or ""),
            lines.of(match.start()),
        )
        endpoint.local = join("", match.group(3) or "") if prefix.strip("/") else ""
        signature = _NEST_METHOD.match(text, _after_decorators(text, match.end()))
        if signature is not None:
            paren = signature.end() - 1
            end = closing(text, paren, "(", ")")
            params = split_top(text[paren + 1 : end - 1])
            returns = re.match(r"\s{0,10}:\s{0,10}([^{;]{1,300})", text[end:])
            offset = paren + 1
            for param in params:
                at, offset = offset, offset + len(param) + 1
                found = _NEST_PARAM.search(param.strip())
                if found is None:
                    continue
                kind, name, annotation = found.group(1), found.group(3), found.group(6) or ""
                optional = bool(found.group(5) or found.group(7))
                if kind == "Body" and name is None:
                    endpoint.body_type = _known(annotation, contract.types)
                elif kind == "Query" and name is None:
                    dto = _known(annotation, contract.types)
                    if dto:
                        endpoint.query.update(contract.types[dto])
                elif kind == "Query" and name:
                    endpoint.query[name] = Field(name, False, lines.of(at))
                elif kind == "Body" and name:
                    endpoint.body = endpoint.body or {}
                    endpoint.body[name] = Field(name, not optional, lines.of(at))
            if returns:
                endpoint.response_type = _known(returns.group(1), contract.types)
        contract.endpoints.append(endpoint)


def extract(text: str, language: str) -> Contract | None:
    if not parses(text, language):
        return None
    code = blank_comments(text)
    lines = Lines(code)
    contract = Contract(types=_classes(code, lines))
    for match in _CLASS.finditer(code):
        body = code[match.end() - 1 : closing(code, match.end() - 1)]
        if match.group(1) in contract.types and _VALIDATOR.search(body):
            # class-validator DTOs are request bodies, whichever controller takes them.
            fields = {n: _as_input(f) for n, f in contract.types[match.group(1)].items()}
            contract.standalone[f"DTO {match.group(1)}"] = (match.group(1), fields)
    _express(code, lines, contract)
    if "@Controller" in code or _NEST_ROUTE.search(code):
        _nest(code, lines, contract)
    return contract

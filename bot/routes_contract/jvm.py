"""Spring MVC controllers (Java and Kotlin) and their DTOs: the class `@RequestMapping`
prefix, `@GetMapping`-style method mappings, `@PathVariable`, `@RequestParam`,
`@RequestBody` and the return type; DTO fields (Java classes and records, Kotlin
data classes), required when Bean Validation says so (`@NotNull`, `@NotBlank`,
`@NotEmpty`) or, in Kotlin, when the type is not nullable and has no default."""

from __future__ import annotations

from bot import lazyre as re
from bot.routes_contract.model import Contract, Endpoint, Field, Lines, closing, join
from bot.routes_contract.scan import blank_comments, parses, split_top

_MAPPING = re.compile(r"@(Get|Post|Put|Patch|Delete|Request)Mapping\b(\s{0,20}\()?")
_STRING = re.compile(r"\"([^\"\n]{0,300})\"")
_METHOD = re.compile(r"RequestMethod\.(GET|POST|PUT|PATCH|DELETE)\b")
_ANNOTATION = re.compile(r"\s{0,200}@[\w.]{1,80}")
_SIGNATURE_JAVA = re.compile(
    r"\s{0,200}(?:(?:public|protected|private|static|final|synchronized|suspend|overri"
    r"de|open)\s{1,20}){0,4}"
    r"(?:<[^>{;]{1,200}>\s{1,20})?([\w.]{1,80}(?:<[^{;(]{0,300}>)?(?:\[\])?)\s{1,20}(\w"
    r"{1,80})\s{0,20}\("
)
_SIGNATURE_KOTLIN = re.compile(
    r"\s{0,200}(?:(?:public|protected|private|suspend|override|open|internal)\s{1,20})"
    r"{0,4}fun\s{1,20}(\w{1,80})\s{0,20}\("
)
_CLASS = re.compile(
    r"\b(?:(data)\s{1,20})?(class|record)\s{1,20}([A-Z]\w{0,80})(?:<[^>{(]{0,200}>)?\s{0,20}(\()?"
)
_REQUIRED = re.compile(r"@(?:field:|get:|param:)?(?:NotNull|NotBlank|NotEmpty|NonNull)\b")
_VALIDATION = re.compile(
    r"@(?:field:|param:)?(?:NotNull|NotBlank|NotEmpty|Size|Email|Pattern|Min|Max|Positive)\b"
)
_JSON_NAME = re.compile(
    r"@(?:field:|get:|param:)?JsonProperty\(\s{0,10}(?:value\s{0,5}=\s{0,5})?\"([^\"]{1,80})\""
)
_JAVA_FIELD = re.compile(
    r"^(?:(?:private|protected|public|final|transient|volatile)\s{1,20}){0,4}([\w.]{1,"
    r"80}(?:<[^;=()]{0,200}>)?(?:\[\])?)\s{1,20}(\w{1,80})\s{0,20}(=[^;]{0,300})?$"
)
_KOTLIN_PARAM = re.compile(
    r"^(?:(?:val|var|private|override|public)\s{1,20}){0,3}(\w{1,80})\s{0,10}:\s{0,10}"
    r"([^=]{1,300}?)\s{0,10}(=.{0,300})?$",
    re.DOTALL,
)


def _annotations_end(text: str, at: int) -> tuple[int, str]:
    """Past the annotations that start at `at`; and their text."""
    start = at
    while match := _ANNOTATION.match(text, at):
        at = match.end()
        rest = re.match(r"\s{0,20}\(", text[at : at + 30])
        if rest:
            at = closing(text, at + rest.end() - 1, "(", ")")
    return at, text[start:at]


def _strip_annotations(part: str) -> tuple[str, str]:
    """A parameter or field declaration without its annotations; and the annotations."""
    end, annotations = _annotations_end(part, 0)
    return part[end:].strip(), annotations


def _dto_fields(text: str, lines: Lines, kotlin: bool) -> dict[str, dict[str, Field]]:
    out: dict[str, dict[str, Field]] = {}
    for match in _CLASS.finditer(text):
        name, fields = match.group(3), {}
        if match.group(4):  # record components, Kotlin primary constructor
            paren = match.end() - 1
            offset = paren + 1
            for part in split_top(text[paren + 1 : closing(text, paren, "(", ")") - 1]):
                at, offset = offset, offset + len(part) + 1
                declaration, annotations = _strip_annotations(part)
                alias = _JSON_NAME.search(annotations)
                if kotlin:
                    found = _KOTLIN_PARAM.match(declaration)
                    if found is None:
                        continue
                    field_name, required = (
                        found.group(1),
                        not (found.group(2).strip().endswith("?") or found.group(3)),
                    )
                else:
                    words = declaration.split()
                    if len(words) < 2:
                        continue
                    field_name, required = words[-1], bool(_REQUIRED.search(annotations))
                field_name = alias.group(1) if alias else field_name
                line = lines.of(at + len(part) - len(part.lstrip()))
                fields[field_name] = Field(field_name, required, line)
        else:
            brace = text.find("{", match.end())
            if brace < 0 or ";" in text[match.end() : brace]:
                continue
            body = text[brace + 1 : closing(text, brace) - 1]
            depth, start = 0, 0
            for index, char in enumerate(body):
                if char == "{":
                    depth += 1
                elif char == "}":
                    depth -= 1
                    start = index + 1
                elif char == ";" and depth == 0:
                    statement = body[start:index]
                    start = index + 1
                    declaration, annotations = _strip_annotations(statement)
                    found = _JAVA_FIELD.match(" ".join(declaration.split()))
                    if found is None or "static" in declaration.split():
                        continue
                    if "@JsonIgnore" in annotations:
                        continue
                    alias = _JSON_NAME.search(annotations)
                    field_name = alias.group(1) if alias else found.group(2)
                    where = (
                        brace
                        + 1
                        + start
                        - len(statement)
                        - 1
                        + len(statement)
                        - len(statement.lstrip())
                    )
                    fields[field_name] = Field(
                        field_name, bool(_REQUIRED.search(annotations)), lines.of(where)
                    )
        out[name] = fields
    return out


def _known(type_text: str, types: dict[str, dict[str, Field]]) -> str:
    found = [n for n in re.findall(r"[A-Z]\w{0,80}", type_text) if n in types]
    return found[0] if len(found) == 1 else ""


def _mapping_paths(arguments: str) -> tuple[list[str], str | None]:
    paths: list[str] = []
    for part in split_top(arguments):
        key = re.match(r"\s{0,20}(\w{1,20})\s{0,10}=", part)
        if key is None or key.group(1) in {"value", "path"}:
            paths += _STRING.findall(part)
    methods = set(_METHOD.findall(arguments))
    return paths or [""], methods.pop() if len(methods) == 1 else None


def _parameters(
    params: str, offset: int, lines: Lines, kotlin: bool, endpoint: Endpoint, types: dict
) -> None:
    for part in split_top(params):
        at, offset = offset, offset + len(part) + 1
        declaration, annotations = _strip_annotations(part)
        if kotlin:
            found = _KOTLIN_PARAM.match(declaration)
            name, type_text = (found.group(1), found.group(2)) if found else ("", "")
            optional = bool(found and (found.group(2).strip().endswith("?") or found.group(3)))
        else:
            words = declaration.split()
            name, type_text = (words[-1], " ".join(words[:-1])) if len(words) > 1 else ("", "")
            optional = type_text.startswith("Optional")
        if "@RequestBody" in annotations:
            endpoint.body_type = _known(type_text, types)
        elif "@RequestParam" in annotations:
            named = _STRING.search(annotations)
            query = named.group(1) if named else name
            optional = optional or bool(
                re.search(r"required\s{0,5}=\s{0,5}false|defaultValue", annotations)
            )
            endpoint.query[query] = Field(query, not optional, lines.of(at))


def extract(text: str, language: str) -> Contract | None:
    if not parses(text, language):
        return None
    kotlin = language == "kotlin"
    code = blank_comments(text)
    lines = Lines(code)
    contract = Contract(types=_dto_fields(code, lines, kotlin))
    for match in _CLASS.finditer(code):
        name = match.group(3)
        end = code.find("{", match.end())
        components = (
            code[match.end() : closing(code, match.end() - 1, "(", ")")] if match.group(4) else ""
        )
        body = components + (code[end : closing(code, end)] if end >= 0 else "")
        if name in contract.types and _VALIDATION.search(body):
            # Bean Validation DTOs are request bodies, whichever controller takes them.
            fields = {
                n: Field(f.name, f.required, f.line, f.path, "in")
                for n, f in contract.types[name].items()
            }
            contract.standalone[f"request DTO {name}"] = (name, fields)
    class_at = {m.start(): m for m in _CLASS.finditer(code)}
    prefix = ""
    for match in _MAPPING.finditer(code):
        end = closing(code, match.end() - 1, "(", ")") if match.group(2) else match.end()
        paths, method = _mapping_paths(code[match.end() : end - 1] if match.group(2) else "")
        if match.group(1) != "Request":
            method = match.group(1).upper()
        after, _ = _annotations_end(code, end)
        head = re.match(
            r"\s{0,200}(?:(?:public|final|abstract|open|internal)\s{1,20}){0,3}", code[after:]
        )
        if (
            head
            and (after + head.end()) in class_at
            or re.match(r"\s{0,200}(?:\w{1,20}\s{1,20}){0,3}class\b", code[after:])
        ):
            prefix = paths[0]
            continue
        pattern = _SIGNATURE_KOTLIN if kotlin else _SIGNATURE_JAVA
        signature = pattern.match(code, after)
        if signature is None or method is None:
            continue
        paren = signature.end() - 1
        close = closing(code, paren, "(", ")")
        for path in paths:
            endpoint = Endpoint(method, join(prefix, path), lines.of(match.start()))
            endpoint.local = join("", path) if prefix.strip("/") else ""
            _parameters(
                code[paren + 1 : close - 1], paren + 1, lines, kotlin, endpoint, contract.types
            )
            returns = signature.group(1) if not kotlin else ""
            if kotlin:
                found = re.match(r"\s{0,20}:\s{0,20}([^{=]{1,300})", code[close:])
                returns = found.group(1) if found else ""
            endpoint.response_type = _known(returns, contract.types)
            contract.endpoints.append(endpoint)
    return contract

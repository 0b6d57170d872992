"""`mass-assignment` in C#, Java, Kotlin and Go: an object the framework bound from the
request body, of a type that is not a request model, written to the database whole.

ASP.NET Core's `[FromBody] Account account` then `_db.Accounts.Update(account)`, Spring's
`@RequestBody user: User` then `repo.save(user)` or `BeanUtils.copyProperties(user, existing)`,
Gin/Echo/Fiber binding into a `User` then `db.Save(&user)`: every field the client sends is
stored, the ones the form never shows included. A type named as a request model
(`UpdateUserRequest`, `AccountDto`, `ProfileForm`, `SignupInput`) is the accepted fix and is
left alone. Whether the entity holds a field the client must not set (a role, an owner, a
balance) is in its class; when this file does not declare that class, the finding goes to
the summary and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib.code_text import code_text
from bot.rules.lib.scopes import scopes
from bot.select import is_test_path

RULE_ID = "mass-assignment"
RULE = catalog_rule(RULE_ID)

# Names a team gives the types that list what a request may set.
_REQUEST_MODEL = re.compile(
    r"(?:Dto|DTO|Request|Req|Form|Input|Command|Cmd|Payload|Body|Params|Patch|Model|Args"
    r"|Update|Create|Resource|Schema|Data|View|Vm|VM)$"
)
# Types that carry no fields of an entity (a map is judged where it is copied).
_NOT_ENTITY = re.compile(
    r"^(?:String|string|Int|int|Long|long|Integer|Boolean|bool|Object|object|JsonNode"
    r"|JsonObject|JObject|JsonElement|dynamic|Any|IFormFile|Stream|byte)\b|^(?:Map|HashMap"
    r"|Dictionary|IDictionary|List|IList|IEnumerable|Set|Collection|MultiValueMap)\b"
)

_BOUND: dict[str, tuple[re.Pattern[str], ...]] = {
    "csharp": (re.compile(r"\[FromBody\]\s*(?P<type>[\w.<>]+)\??\s+(?P<name>\w+)"),),
    "java": (re.compile(r"@RequestBody\b[^,)]*?\s(?P<type>[\w.<>]+)\s+(?P<name>\w+)\s*[,)]"),),
    "kotlin": (re.compile(r"@RequestBody\b[^,)]*?\s(?P<name>\w+)\s*:\s*(?P<type>[\w.<>]+)\??"),),
    "go": (
        re.compile(
            r"\.(?:ShouldBindJSON|BindJSON|ShouldBind|Bind|BodyParser|ShouldBindBodyWith)\s*\(\s*&(?P<name>\w+)"
        ),
        re.compile(r"json\.NewDecoder\s*\(\s*\w+\.Body\s*\)\.Decode\s*\(\s*&(?P<name>\w+)"),
    ),
}
_GO_TYPE = (
    r"(?:var\s+{n}\s+\*?(?P<type>[\w.]+)|{n}\s*:=\s*&?(?P<type2>[\w.]+)\s*\{{"
    r"|{n}\s*:=\s*new\((?P<type3>[\w.]+)\))"
)

# Writes that store the whole object (`{n}` is the bound name).
_WRITES: dict[str, str] = {
    "csharp": r"\.(?P<at>Update|UpdateRange|Add|AddAsync|Attach|SetValues)\s*\(\s*{n}\s*\)",
    "java": r"\.(?P<at>save|saveAndFlush|merge|persist|insert|update)\s*\(\s*{n}\s*\)"
    r"|(?P<copy>BeanUtils\.copyProperties)\s*\(\s*{n}\s*,",
    "kotlin": r"\.(?P<at>save|saveAndFlush|merge|persist|insert|update)\s*\(\s*{n}\s*\)"
    r"|(?P<copy>BeanUtils\.copyProperties)\s*\(\s*{n}\s*,",
    "go": r"\.(?P<at>Save|Create|Updates)\s*\(\s*&?{n}\s*\)",
}
# `emailVerified`, `creditLimitCents`: field names split into words before the test.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# What a client must not set, in an entity class the file declares.
_SENSITIVE = re.compile(
    r"(?i)\b(?:role|roles|is_?admin|admin|owner_?id|owner|tenant_?id|balance|credit|verified"
    r"|is_?verified|approved|permissions?|is_?staff|is_?superuser|plan|tier|password_?hash"
    r"|email_?confirmed)\b"
)
# Entities that usually hold a field the client must not set (a role, a balance, an owner,
# a verified flag, a price or total): reported to the summary even when their class is in
# another file. A CRUD controller of any other record, whose class the file does not show,
# is not reported: in real history those were most of the noise (generated admin CRUD).
_IDENTITY_TYPE = re.compile(
    r"(?i)^(?:App|Sys)?(?:User|Account|Member|Customer|Profile|Tenant|Employee|Wallet"
    r"|Subscription|Admin|Person|Order|Invoice|Payment|Cart|Transaction)s?(?:Info|Entity|Model)?$"
)
_UNSEEN_NOTE = (
    "The `{type}` class is not in this file, so whether it holds fields the client must not "
    "set (a role, an owner, a balance) is not shown; noted in the summary."
)


@dataclass(frozen=True)
class _Bound:
    name: str
    type: str
    line: int


def _bound(language: str, body: str) -> Iterator[_Bound]:
    for pattern in _BOUND.get(language, ()):
        for match in pattern.finditer(body):
            name = match.group("name")
            type_ = match.groupdict().get("type") or ""
            if language == "go":
                declared = re.search(_GO_TYPE.format(n=re.escape(name)), body)
                if declared is None:
                    continue
                type_ = next(g for g in declared.groups() if g)
            yield _Bound(
                name, type_.split("<", 1)[0].rsplit(".", 1)[-1], line_of(body, match.start())
            )


def _entity(type_: str) -> bool:
    return (
        bool(type_)
        and type_[:1].isupper()
        and not (_REQUEST_MODEL.search(type_) or _NOT_ENTITY.match(type_))
    )


def _declared_fields(text: str, language: str, type_: str) -> str | None:
    """The declaration of class/struct `type_` when this file has it: from its head to the
    next type declaration (a Kotlin constructor's properties included)."""
    keyword = r"type" if language == "go" else r"(?:class|record|struct)"
    head = re.search(rf"\b{keyword}\s+{re.escape(type_)}\b", text)
    if head is None:
        return None
    rest = text[head.end() : head.end() + 4000]
    following = re.search(
        r"\n[ \t]*(?:[\w@]+[ \t]+)*(?:class|record|struct|type|interface)\s+\w", rest
    )
    return rest[: following.start()] if following else rest


class Overposting(Check):
    name = "security:overposting"
    rules = (RULE,)
    languages = frozenset(_BOUND)
    kinds = frozenset({FileKind.CODE})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        language = file.language or ""
        if is_test_path(file.path):
            return []
        text = code_text(file)
        if not re.search(r"FromBody|RequestBody|Bind|BodyParser|Decode", text):
            return []
        hits: list[Hit] = []
        rows = text.split("\n")
        for scope in scopes(text, language):
            if not scope.function:
                continue
            body = "\n".join(rows[scope.first - 1 : scope.last])
            for bound in _bound(language, body):
                if not _entity(bound.type):
                    continue
                write = re.search(_WRITES[language].format(n=re.escape(bound.name)), body)
                if write is None:
                    continue
                line = scope.first - 1 + line_of(body, write.start())
                verb = write.group("at") or write.group("copy")
                detail = (
                    f"`{bound.name}` is a `{bound.type}` bound from the request body and "
                    f"written whole with `{verb}`: every field the client sends is stored."
                )
                fields = _declared_fields(text, language, bound.type)
                severity = None
                if fields is None:
                    if not _IDENTITY_TYPE.match(bound.type):
                        continue  # a CRUD controller of a record of no one's identity
                    detail = f"{detail} {_UNSEEN_NOTE.format(type=bound.type)}"
                    severity = Severity.INFO
                elif not _SENSITIVE.search(_CAMEL.sub(" ", fields)):
                    continue  # the class is here and holds nothing a client must not set
                hits.append(Hit(RULE_ID, file.path, line, line, detail, severity=severity))
        return hits


CHECKS: list[Check] = [Overposting()]

"""The implicit API contract of route code: what each endpoint takes and returns, read
from the framework's own declarations, and the breaking changes between two versions.

`declares_routes(path, text)` is the cheap test callers use to decide whether a file's
pre-change version is worth loading; `extract(path, text)` reads one version (None when
it does not parse, or the language is not one we read); `bot.routes_contract.diff`
compares the versions of every file of a change at once.
"""

from __future__ import annotations

from bot import lazyre as re
from bot.routes_contract.model import Contract, Endpoint, Field
from bot.select import language_of

# Route declarations, and the request/response types they use, in every framework we
# read. Bounded repetitions only: this runs over every modified file of a PR.
_ROUTE_TEXT = re.compile(
    r"@[\w.]{1,80}\.(?:get|post|put|patch|delete|route|api_route)\("  # FastAPI, Flask
    r"|\b(?:APIRouter|Blueprint|add_url_rule|add_api_route)\("
    r"|\b(?:re_)?path\(\s{0,20}r?[\"'][^\"'\n]{0,200}[\"']\s{0,20},"  # Django URLconf
    r"|\b(?:ModelViewSet|ViewSet|GenericViewSet|APIView|GenericAPIView|serializers\.\w{1,40}"
    r"Serializer|Schema)\b"
    r"|\.(?:get|post|put|patch|delete|all|route)\(\s{0,20}['\"`]/"  # Express, Fastify
    r"|@(?:Controller|Get|Post|Put|Patch|Delete)\("  # NestJS
    r"|@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b"  # Spring
    r"|\.(?:GET|POST|PUT|PATCH|DELETE|Group)\(\s{0,20}\""  # Gin, Echo
    r"|\bbinding:\"|\bvalidate:\""
    r"|^[ \t]{0,40}(?:resources?|get|post|put|patch|delete|namespace|scope)\s{1,10}[:\"']"  # Rails
    r"|\.permit\(|\bparams\.require\("
    r"|Route::|\bextends\s{1,10}FormRequest\b"  # Laravel
    r"|\bextends\s{1,10}BaseModel\b|\(\s{0,5}BaseModel\s{0,5}\)"
    r"|@Is(?:String|Int|Number|Email|Optional|NotEmpty|Boolean|Uuid)\("
    r"|@(?:NotNull|NotBlank|NotEmpty)\b",
    re.MULTILINE,
)
_ROUTE_PATHS = re.compile(
    r"(?:^|/)(?:config/routes\.rb|config/routes/[^/]{1,200}\.rb|routes/[^/]{1,200}\.php"
    r"|urls\.py|serializers\.py|[^/]{1,200}_controller\.rb|[^/]{1,200}\.controller\.[jt]s"
    r"|[^/]{1,200}Controller\.(?:java|kt|php))$"
)
LANGUAGES = frozenset({"python", "javascript", "typescript", "java", "kotlin", "go", "ruby", "php"})


def declares_routes(path: str, text: str) -> bool:
    """Whether the file (by its path, or any of its text) looks like it declares routes
    or the request/response types they use: worth loading its pre-change version for."""
    if language_of(path) not in LANGUAGES:
        return False
    return bool(_ROUTE_PATHS.search(path)) or bool(_ROUTE_TEXT.search(text))


def extract(path: str, text: str) -> Contract | None:
    """The contract one version of the file declares; None when that version does not
    parse or its language is not one we read."""
    language = language_of(path)
    if language == "python":
        from bot.routes_contract import python

        return python.extract(text, path)
    if language in {"javascript", "typescript"}:
        from bot.routes_contract import javascript

        return javascript.extract(text, language)
    if language in {"java", "kotlin"}:
        from bot.routes_contract import jvm

        return jvm.extract(text, language)
    if language == "go":
        from bot.routes_contract import golang

        return golang.extract(text)
    if language == "ruby":
        from bot.routes_contract import ruby

        return ruby.extract(text, path)
    if language == "php":
        from bot.routes_contract import php

        return php.extract(text, path)
    return None


__all__ = ["Contract", "Endpoint", "Field", "declares_routes", "extract"]

"""Which changed files are backend, and why. Every file gets a reason."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import accumulate
from pathlib import PurePosixPath

from bot import lazyre as re
from bot.config import PathsConfig
from bot.models import ChangedFile, FileKind, FileStatus, SkippedFile

LANGUAGES = {
    ".py": "python",
    ".go": "go",
    ".java": "java",
    ".kt": "kotlin",
    ".kts": "kotlin",
    ".rb": "ruby",
    ".rake": "ruby",
    ".php": "php",
    ".cs": "csharp",
    ".scala": "scala",
    ".rs": "rust",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".sql": "sql",
    ".proto": "proto",
    ".graphql": "graphql",
    ".graphqls": "graphql",
    ".gql": "graphql",
    ".prisma": "prisma",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".env": "dotenv",
    ".toml": "toml",
    ".ini": "ini",
    ".properties": "properties",
    ".xml": "xml",
}
SERVER_LANGUAGES = {"python", "go", "java", "kotlin", "ruby", "php", "csharp", "scala", "rust"}
JS_LANGUAGES = {"javascript", "typescript"}
CONFIG_LANGUAGES = {"yaml", "json", "dotenv", "toml", "ini", "properties", "hocon"}

LOCK_FILES = {
    "package-lock.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "poetry.lock",
    "Pipfile.lock",
    "uv.lock",
    "pdm.lock",
    "Gemfile.lock",
    "composer.lock",
    "Cargo.lock",
    "go.sum",
    "bun.lockb",
    "packages.lock.json",
    "gradle.lockfile",
}
VENDOR_DIRS = {"vendor", "node_modules", "third_party", "third-party", "bower_components", ".venv"}
FRONTEND_DIRS = {"frontend", "web", "components", "public", "client", "static", "assets", "ui"}
SERVER_DIRS = {
    "server",
    "api",
    "apis",
    "routes",
    "router",
    "routers",
    "controllers",
    "backend",
    "handlers",
    "services",
    "middleware",
    "middlewares",
    "resolvers",
    "graphql",
    "db",
    "models",
    "repositories",
}
FRONTEND_EXTS = {
    ".tsx",
    ".jsx",
    ".vue",
    ".svelte",
    ".css",
    ".scss",
    ".sass",
    ".less",
    ".html",
    ".htm",
}
DOC_EXTS = {".md", ".markdown", ".rst", ".txt", ".adoc", ".pdf"}
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp", ".bmp", ".avif"}
GENERATED_NAMES = re.compile(
    r"(_pb2\.pyi?|_pb2_grpc\.py|\.pb\.go|\.pb\.gw\.go|_grpc\.pb\.go|\.min\.js|\.min\.css"
    r"|\.generated\.\w+|\.g\.dart|_generated\.go|\.gen\.go|\.designer\.cs)$"
)
SERVER_IMPORT = re.compile(
    r"""(?:require\(\s*|from\s+|import\s+)['"](?:express|fastify|@nestjs/[\w-]+|koa|@koa/[\w-]+"""
    r"""|@prisma/client|prisma|knex|typeorm|sequelize|pg|mysql2?|mongoose|@hapi/hapi|hono"""
    r"""|@fastify/[\w-]+|mongodb|ioredis|better-sqlite3|sqlite3|restify)['"/]"""
)
# A route registered with a handler that takes the request and the response (a Fastify
# plugin or an Express router module gets its app as a parameter and imports nothing):
# `fastify.post('/x', async (request, reply) =>`, `router.get("/x", (req, res) =>`.
SERVER_ROUTE = re.compile(
    r"""\b(?:fastify|app|router|server|instance)\s*\.\s*(?:get|post|put|patch|delete|all)"""
    r"""\s*\(\s*['"`]/[^'"`]*['"`]\s*,[^\n]{0,120}?\(\s*(?:req|request|ctx)\b"""
)
GENERATED_MARKER = re.compile(r"Code generated\b[^\n]{0,200}?DO NOT EDIT|@generated|DO NOT EDIT")
MINIFIED_NAMES = re.compile(r"[.-]min\.(js|mjs|cjs|css)$|\.bundle\.js$")

# Text scanners run their patterns over whole lines; a line longer than this is not
# written by hand (minified or generated code, an embedded blob), and reviewing it
# costs time without a finding a person would act on.
MAX_LINE_CHARS = 4_000
# Nor is a file over this size a change anyone reviews line by line.
MAX_FILE_CHARS = 1_000_000
# Every line holds at least its line end: a file within the size limit has no more.
MAX_FILE_LINES = MAX_FILE_CHARS
# A minified file split over a few lines still has lines far longer than code.
MAX_MEAN_LINE_CHARS = 300
MEAN_LINE_MIN_CHARS = 20_000
# Brackets nested deeper than this are not hand-written (the deepest in 264k source,
# spec and SQL files of 150 open-source backends: 83 outside generated protobuf code)
# and cost parsers stack or time per level: ruff and squawk overflow their stacks,
# sqlglot and our own protobuf reader slow down with each one.
MAX_NESTING_DEPTH = 256
# A file known from its diff alone is checked hunk by hunk (each its own parse, its own
# file for ruff): 20,000 one-line hunks took a minute. With the whole file known (the App,
# `--git`) the count does not matter and is not checked: see `select_backend`.
MAX_DIFF_ONLY_HUNKS = 1_000
_NOT_BRACKETS = bytes(c for c in range(256) if chr(c) not in "()[]{}")
_STEPS = bytes.maketrans(b"([{)]}", b"\x01\x01\x01\xff\xff\xff")  # +1 / -1 as signed bytes
OPENAPI_MARKER = re.compile(r"""^[ \t]*["']?(openapi|swagger)["']?\s*:\s*["']?[23]""", re.MULTILINE)

# (pattern over the path, migration framework)
MIGRATION_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(^|/)migrations/\d{4}_\w+\.py$"), "Django"),
    (re.compile(r"(^|/)(alembic|migrations?)/versions/[^/]+\.py$"), "Alembic"),
    # An engine's migration copied into the app carries the engine's name:
    # `20260126190728_drop_pools.katello.rb` (`rails railties:install:migrations`).
    (re.compile(r"(^|/)db/migrate/\d+_\w+(?:\.\w+)?\.rb$"), "Rails"),
    (re.compile(r"(^|/)V\d+(?:[._]\d+)*__[^/]+\.sql$"), "Flyway"),
    (re.compile(r"(^|/)R__[^/]+\.sql$"), "Flyway"),
    (re.compile(r"(^|/)\d+_[^/]+\.(up|down)\.sql$"), "golang-migrate"),
    (re.compile(r"(^|/)prisma/migrations/[^/]+/migration\.sql$"), "Prisma"),
    (re.compile(r"(^|/)migrations?/[^/]+\.(js|ts|cjs|mjs)$"), "Knex"),
    (re.compile(r"(^|/)database/migrations/[^/]+\.php$"), "Laravel"),
    (
        re.compile(r"(^|/)(?:[^/]*changelog[^/]*\.xml|changelogs?/(?:[^/]+/)*[^/]+\.xml)$"),
        "Liquibase",
    ),
    (re.compile(r"(^|/)(migrations?|migrate|schema_migrations|db)/[^/]*\.sql$"), "SQL"),
)
ORM_SCHEMA_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\.prisma$"), "Prisma schema"),
    (re.compile(r"(^|/)models\.py$|(^|/)models/[^/]+\.py$"), "ORM models (Python)"),
    (re.compile(r"(^|/)db/schema\.rb$|(^|/)app/models/[^/]+\.rb$"), "ActiveRecord schema"),
    (re.compile(r"\.entity\.ts$|\.model\.(ts|js)$"), "ORM entity (TypeORM/Sequelize)"),
    (re.compile(r"(^|/)entity/[^/]+\.(java|kt)$|Entity\.(java|kt)$"), "JPA entity"),
)


_TEST_PATH = re.compile(
    r"(^|/)(tests?|testing|testdata|spec|specs|__tests__|fixtures|e2e|cypress|playwright|pacts?)/"
    # Suites named for their kind: `playwright_tests/`, `e2e-tests/`, `integration_tests/`,
    # `playwright-acceptance-tests/`, an API test rig (`api-test/`, `apitests/`).
    r"|(^|/)(?:(?:e2e|integration|unit|functional|acceptance|playwright|cypress|selenium|smoke"
    r"|system|end[-_]to[-_]end|api|regression|contract)[-_]?){1,3}tests?/"
    r"|(^|/)(test_[^/]*|conftest|tests?)\.py$"
    r"|_tests?\.(py|go|rb)$|_spec\.rb$|\.(test|spec)\.[cm]?[jt]sx?$|Tests?\.(java|kt|cs|scala)$|Test\.php$"
    # .NET test projects: `Api.Tests/`, `SharedWeb.Test/`, `Foo.IntegrationTests/`.
    r"|(^|/)[\w.]+\.\w*Tests?/"
    # Test helpers shipped inside a library (`lib/shop/testing_support/factories/`) and
    # Behat / Cucumber step code (`src/App/Behat/Context/`, `features/step_definitions/`).
    r"|(^|/)(testing_support|test_support|test-support|Behat|step_definitions)/"
    # Test doubles: `src/config/mock/auth.config.mock.ts`, `src/mocks/handlers.ts`.
    r"|(^|/)(mocks?|__mocks__)/|\.mock\.[cm]?[jt]sx?$"
    # Test support named for what it holds: `src/test-utils/`, Go's `internal/testutil/`,
    # `test_helpers/`, `test-harness/`, `tests-e2e/`; stub and fake servers a suite runs
    # against (`stubs/api-stub/`, `fakes/`). Not `mock-server/`: a product can serve mocks
    # as a feature (Hoppscotch's mock server).
    r"|(^|/)tests?[-_]?(?:utils?|helpers?|harness|kit|e2e|integration|acceptance)/"
    r"|(^|/)(?:stubs?|fakes?|__fixtures__|[\w-]+[-_]stubs?)/"
    # Gradle source sets of test suites: `src/functionalTest/`, `src/integrationTest/`,
    # `src/contractTest/`, `src/testFixtures/`, `src/integration-test/`.
    r"|(^|/)src/(?:[a-z]+Tests?|[a-z]+[-_]tests?|test[A-Z]\w*)/"
)


# Code a project ships beside its service for developers to read or run, not to deploy:
# example and sample apps (`examples/`, `examples/example-app/`, `samples/`), local
# orchestration (.NET Aspire app hosts) and benchmark or load-test tools
# (`packages/tracecat-benchmark/`, `benchmarks/`, `loadtest/`). Singular `example/` and
# `demo/` are left out: the default Java package of generated Spring projects.
_NOT_DEPLOYED_PATH = re.compile(
    r"(?i)(^|/)(?:examples|example[-_][\w-]+|[\w-]+[-_]examples?|benchmarks|[\w-]+[-_]benchmarks?"
    r"|benchmarks?[-_][\w-]+|load[-_]?tests?"
    # sample apps (`samples/`, `spring-samples/`, `sample-app/`); singular `sample/` is a
    # package name as often as a folder of samples.
    r"|samples|[\w-]+[-_]samples?|sample[-_]apps?"
    # .NET Aspire app hosts (`Shop.AppHost/`, `Shop.AppHost.Tools/`): the orchestrator that
    # starts the services on a developer's machine; it serves no one.
    r"|[\w.]+\.AppHost(?:\.[\w.]+)?)/"
)


def is_example_or_tool_path(path: str) -> bool:
    """An example app or a benchmark/load-test tool by its folder: its security findings
    matter only if someone deploys it, which the repository does not say."""
    return bool(_NOT_DEPLOYED_PATH.search(path.replace("\\", "/")))


def is_test_path(path: str) -> bool:
    """Test code by the usual layouts (`tests/`, `test_*.py`, `*_test.go`, `*.spec.ts`,
    `FooTest.java` …). Rules about production behaviour skip it: test code is not
    deployed and never reads a request."""
    return bool(_TEST_PATH.search(path.replace("\\", "/")))


def glob_to_regex(glob: str) -> re.Pattern[str]:
    """`**` crosses directories, `*` and `?` do not; a pattern without `/` matches any depth."""
    return _compiled_glob(glob)


@lru_cache(maxsize=512)
def _compiled_glob(glob: str) -> re.Pattern[str]:
    pattern = glob.lstrip("/") if glob.startswith("/") else glob
    anchored = "/" in glob.rstrip("/")
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    body = "".join(out)
    if pattern.endswith("/"):
        body += ".*"
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}$")


def matches_any(path: str, globs: Iterable[str]) -> str | None:
    for glob in globs:
        if glob_to_regex(glob).match(path):
            return glob
    return None


def language_of(path: str) -> str | None:
    p = PurePosixPath(path)
    if p.name == ".env" or p.name.startswith(".env."):
        return "dotenv"
    if p.suffix.lower() == ".conf" and (
        p.parent.name == "conf" or p.name in ("application.conf", "reference.conf")
    ):
        return "hocon"  # Play / Akka configuration (`play.filters.disabled`, ...)
    return LANGUAGES.get(p.suffix.lower())


def _known_text(file: ChangedFile, head_lines: int | None = None) -> str:
    if file.content is not None:
        if head_lines is None:
            return file.content
        return "\n".join(file.content.splitlines()[:head_lines])
    texts = file.right_text()
    if head_lines is not None:
        texts = {n: t for n, t in texts.items() if n <= head_lines}
    return "\n".join(texts[n] for n in sorted(texts))


# Folders that hold a project's own code: a `docs` package below one of them
# (`src/main/java/com/acme/docs/`, `app/docs/views.py`) is code about documents, not
# the project's documentation.
_SOURCE_ROOTS = frozenset(
    {"src", "app", "apps", "lib", "internal", "pkg", "cmd", "java", "kotlin", "scala", "server"}
)


def _docs_folder(dirs: tuple[str, ...]) -> bool:
    for part in dirs:
        lower = part.lower()
        if lower in _SOURCE_ROOTS:
            return False
        if lower == "docs":
            return True
    return False


def _not_backend(file: ChangedFile) -> str | None:
    """A reason to skip the file by default, or None."""
    p = PurePosixPath(file.path)
    parts = {part.lower() for part in p.parts[:-1]}
    suffix = p.suffix.lower()
    if p.name in LOCK_FILES:
        return "lock file"
    if parts & VENDOR_DIRS:
        return "vendored code"
    if MINIFIED_NAMES.search(p.name):
        return f"minified ({p.name})"
    if GENERATED_NAMES.search(p.name):
        return "generated code"
    if suffix in IMAGE_EXTS:
        return "image"
    if (
        suffix in DOC_EXTS
        or p.name.upper() in {"LICENSE", "CHANGELOG", "AUTHORS"}
        or _docs_folder(p.parts[:-1])
    ):
        return "documentation"
    generated = _generated(file)
    if generated:
        return generated
    too_big = oversized(_known_text(file)) or _past_the_end(file)
    if too_big:
        return too_big
    if suffix in FRONTEND_EXTS:
        return f"frontend ({suffix} file)"
    return None


def _generated(file: ChangedFile) -> str | None:
    marker = GENERATED_MARKER.search(_known_text(file, head_lines=5))
    return f"generated code (marked '{_shorten(marker.group(0))}')" if marker else None


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def oversized(text: str) -> str | None:
    """Why a file is too large or too long-lined to scan (minified, generated, a blob), or
    None. Every rule's cost then stays linear in what a person could have written."""
    if len(text) > MAX_FILE_CHARS:
        return f"too large to review ({len(text):,} chars; the limit is {MAX_FILE_CHARS:,})"
    lines = text.splitlines() or [""]
    longest = max(map(len, lines))
    if longest > MAX_LINE_CHARS:
        return (
            f"minified or generated (longest line {longest:,} chars; "
            f"the limit is {MAX_LINE_CHARS:,})"
        )
    mean = len(text) // len(lines)
    if len(text) >= MEAN_LINE_MIN_CHARS and mean > MAX_MEAN_LINE_CHARS:
        return f"minified (mean line {mean:,} chars)"
    depth = nesting_past(text, MAX_NESTING_DEPTH)
    if depth is not None:
        return (
            f"nested too deeply to review (brackets {depth:,} levels deep; "
            f"the limit is {MAX_NESTING_DEPTH:,})"
        )
    return None


def _past_the_end(file: ChangedFile) -> str | None:
    """A diff-only file whose hunks sit past any line a file within the size limit has.
    Checks read such a file with the lines the diff does not show left blank, so a hunk
    header claiming line 1,000,000,000 would have them build a gigabyte of blank lines."""
    if file.content is not None:
        return None
    last = max((hunk.new_end for hunk in file.hunks), default=0)
    if last <= MAX_FILE_LINES:
        return None
    return f"too large to review (the diff shows line {last:,}; the limit is {MAX_FILE_LINES:,})"


def _too_many_hunks(file: ChangedFile) -> str | None:
    if file.content is not None or len(file.hunks) <= MAX_DIFF_ONLY_HUNKS:
        return None
    return (
        f"too many hunks to review from the diff alone ({len(file.hunks):,}; the limit is "
        f"{MAX_DIFF_ONLY_HUNKS:,}; with the whole file, as `--git` reads it, there is none)"
    )


def nesting_past(text: str, limit: int) -> int | None:
    """How deep `(`, `[` and `{` nest when that is past `limit`, else None. Counted over
    the whole text (brackets in strings and comments too: a hand-written file stays far
    below the limit either way); a closer with nothing open, as at the top of a hunk,
    counts for nothing."""
    brackets = text.encode("utf-8", "replace").translate(None, _NOT_BRACKETS)
    steps = array("b", brackets.translate(_STEPS))
    # Running sums without that clamp, in C: their spread bounds the depth from above,
    # so an ordinary file is settled without a Python loop over its brackets.
    sums = list(accumulate(steps, initial=0))
    if max(sums) - min(sums) <= limit:
        return None
    depth = deepest = 0
    for step in steps:
        if step > 0:
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest if deepest > limit else None


def classify(file: ChangedFile) -> tuple[FileKind, str | None, str]:
    """Kind, language and the reason, under the default rules."""
    if file.status is FileStatus.BINARY:
        return FileKind.OTHER, None, "binary file"
    if file.status is FileStatus.DELETED:
        return FileKind.OTHER, language_of(file.path), "deleted file (no lines to review)"
    skip = _not_backend(file)
    language = language_of(file.path)
    if skip:
        return FileKind.OTHER, language, skip
    path = file.path
    for pattern, framework in MIGRATION_PATTERNS:
        if pattern.search(path) and (language is not None):
            return FileKind.MIGRATION, language, f"migration ({framework})"
    if language == "sql":
        return FileKind.SQL, language, "SQL file"
    for pattern, what in ORM_SCHEMA_PATTERNS:
        if pattern.search(path):
            return FileKind.ORM_SCHEMA, language, what
    if language in {"proto", "graphql"}:
        spec = "Protocol Buffers" if language == "proto" else "GraphQL SDL"
        return FileKind.API_SPEC, language, f"API description ({spec})"
    if language in {"yaml", "json"} and (
        OPENAPI_MARKER.search(_known_text(file, head_lines=40))
        or re.search(r"(^|/)(openapi|swagger)[^/]*\.(ya?ml|json)$", path, re.IGNORECASE)
    ):
        return FileKind.API_SPEC, language, "API description (OpenAPI/Swagger)"
    if language in SERVER_LANGUAGES:
        return FileKind.CODE, language, f"server code ({language})"
    if language in JS_LANGUAGES:
        return _classify_js(file, language)
    if language in CONFIG_LANGUAGES:
        dirs = {part.lower() for part in PurePosixPath(path).parts[:-1]}
        if dirs & FRONTEND_DIRS:
            return FileKind.OTHER, language, "frontend configuration"
        return FileKind.CONFIG, language, "configuration (scanned for secrets)"
    return FileKind.OTHER, language, "not a backend file type"


def _classify_js(file: ChangedFile, language: str) -> tuple[FileKind, str | None, str]:
    dirs = {part.lower() for part in PurePosixPath(file.path).parts[:-1]}
    if SERVER_IMPORT.search(_known_text(file)):
        return FileKind.CODE, language, f"server code ({language}: imports a server library)"
    if SERVER_ROUTE.search(_known_text(file)):
        return FileKind.CODE, language, f"server code ({language}: registers a route handler)"
    if dirs & FRONTEND_DIRS:
        hit = sorted(dirs & FRONTEND_DIRS)[0]
        return FileKind.OTHER, language, f"frontend ({hit}/ directory)"
    if dirs & SERVER_DIRS:
        hit = sorted(dirs & SERVER_DIRS)[0]
        return FileKind.CODE, language, f"server code ({language} under {hit}/)"
    return FileKind.OTHER, language, f"{language} with no sign of server code"


def select_backend(
    files: Iterable[ChangedFile],
    paths: PathsConfig | None = None,
    load_content: Callable[[ChangedFile], str | None] | None = None,
) -> tuple[list[ChangedFile], list[SkippedFile]]:
    """Split files into backend (annotated with kind, language, reason) and skipped.

    With `load_content`, post-change contents are loaded for backend files only,
    and for JS/TS files whose diff alone shows no sign of server code (an import
    of express above the hunk decides it) — never for the rest.
    """
    paths = paths or PathsConfig()
    kept: list[ChangedFile] = []
    skipped: list[SkippedFile] = []
    for file in files:
        kind, language, reason = classify(file)
        if (
            kind is FileKind.OTHER
            and load_content is not None
            and file.content is None
            and language in JS_LANGUAGES
            and file.status not in (FileStatus.BINARY, FileStatus.DELETED)
            and reason.endswith("no sign of server code")
        ):
            file = _with_content(file, load_content)
            kind, language, reason = classify(file)
        excluded = matches_any(file.path, paths.exclude)
        if excluded:
            skipped.append(
                SkippedFile(path=file.path, reason=f"excluded by paths.exclude '{excluded}'")
            )
            continue
        included = matches_any(file.path, paths.include)
        if (
            kind is FileKind.OTHER
            and included
            and file.status
            not in (
                FileStatus.BINARY,
                FileStatus.DELETED,
            )
        ):
            kind = FileKind.SQL if language == "sql" else FileKind.CODE
            reason = f"included by paths.include '{included}'"
        if kind is FileKind.OTHER:
            skipped.append(SkippedFile(path=file.path, reason=reason))
            continue
        if load_content is not None and file.content is None:
            file = _with_content(file, load_content)
            # A hunk in the middle of a file does not show its first lines: the marker of
            # generated code is read once the whole file is known.
            too_big = None if file.content is None else _generated(file) or oversized(file.content)
            if too_big:
                skipped.append(SkippedFile(path=file.path, reason=too_big))
                continue
        too_many = _too_many_hunks(file)  # known from its diff alone, content loaded or not
        if too_many:
            skipped.append(SkippedFile(path=file.path, reason=too_many))
            continue
        kept.append(file.model_copy(update={"kind": kind, "language": language, "reason": reason}))
    return kept, skipped


def _with_content(file: ChangedFile, load: Callable[[ChangedFile], str | None]) -> ChangedFile:
    content = load(file)
    return file if content is None else file.model_copy(update={"content": content})

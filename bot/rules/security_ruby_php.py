"""Ruby and PHP SQL injection (`sql-injection`) and the
cross-language `command-injection` and `mass-assignment` rules."""

from __future__ import annotations

from bot import lazyre as re
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, catalog_languages, catalog_rule
from bot.rules.lib.code_text import call_arguments, dynamic_part, is_string_literal, short
from bot.rules.lib.patterns import Pattern, PatternCheck, Verdict, first_argument_dynamic
from bot.rules.taint.mixed import FlowPatternCheck

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_RUBY = frozenset({"ruby"})
_PHP = frozenset({"php"})
_JS = frozenset({"javascript", "typescript"})
_JVM = frozenset({"java", "kotlin"})

# --- sql-injection (Ruby, PHP) -------------------------------------------------

RUBY_SQL_ID = "sql-injection"
PHP_SQL_ID = "sql-injection"
RUBY_SQL_RULE = catalog_rule(RUBY_SQL_ID)
PHP_SQL_RULE = catalog_rule(PHP_SQL_ID)

# --- command-injection ----------------------------------------------------------------------

CMD_ID = "command-injection"
_SHELLS = re.compile(r"^[\"'](?:/bin/|/usr/bin/)?(?:sh|bash|zsh|dash|ash|cmd(?:\.exe)?)[\"']$")


def _shell_c(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    language = file.language or ""
    args = call_arguments(text, match.end() - 1, language)
    if args and not args[0].startswith(('"', "'")):
        args = args[1:]  # exec.CommandContext(ctx, …)
    shell = len(args) >= 3 and _SHELLS.match(args[0]) and args[1].strip("\"'") in {"-c", "/c"}
    if shell and not is_string_literal(args[2], language):
        return f"The shell runs `{short(args[2])}`, a string computed at run time."
    return False


def _node_exec(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if "child_process" not in text:
        return False
    return first_argument_dynamic(match, text, file)


def _ruby_shell(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    args = call_arguments(text, match.end() - 1, "ruby")
    if len(args) != 1:  # several arguments: no shell is involved
        return False
    found = dynamic_part(args[0], "ruby")
    return f"The shell command splices in `{short(found)}`." if found else False


def _php_shell(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    args = call_arguments(text, match.end() - 1, "php")
    if not args or is_string_literal(args[0], "php") or "escapeshellarg" in args[0]:
        return False
    if "$" not in args[0]:
        return False
    return f"The shell command comes from `{short(args[0])}`."


CMD_PATTERNS = (
    Pattern(
        CMD_ID, frozenset({"go"}), re.compile(r"\bexec\.(?P<at>Command(?:Context)?)\s*\("), _shell_c
    ),
    Pattern(
        CMD_ID,
        _JS,
        re.compile(
            r"(?:(?<![\w$.])|\b(?:child_process|childProcess|cp)\.|child_process['\"]\)\.)"
            r"(?P<at>exec|execSync)\s*\("
        ),
        _node_exec,
    ),
    Pattern(
        CMD_ID,
        _JVM,
        re.compile(r"\bRuntime\.getRuntime\(\)\s*\.\s*(?P<at>exec)\s*\("),
        first_argument_dynamic,
    ),
    Pattern(CMD_ID, _JVM, re.compile(r"(?P<at>ProcessBuilder)\s*\("), _shell_c),
    Pattern(
        CMD_ID,
        _RUBY,
        re.compile(r"(?<![\w.:])(?P<at>system|exec|spawn|IO\.popen|Open3\.\w+)\("),
        _ruby_shell,
    ),
    Pattern(
        CMD_ID,
        _RUBY,
        re.compile(r"(?P<at>`)[^`\n]*#\{[^`\n]*`|(?P<x>%x)[({\[][^\n]*#\{"),
        lambda m, t, f: "The shell command is built by interpolation.",
    ),
    Pattern(
        CMD_ID,
        _PHP,
        re.compile(
            r"(?<![\w>:$])(?P<at>shell_exec|exec|system|passthru|popen|proc_open"
            r"|pcntl_exec)\s*\("
        ),
        _php_shell,
    ),
)

CMD_RULE = catalog_rule(CMD_ID)

# --- mass-assignment ------------------------------------------------------------------------

MASS_ID = "mass-assignment"
# Express/Koa/Fastify `body`; hapi's `request.payload`.
_BODY = re.compile(
    r"^(?:\{\s*\.\.\.)?(?:(?:req|request|ctx\.request)\.body|request\.payload)\s*\}?$"
)
_PHP_ALL = re.compile(
    r"^(?:\$request->(?:all|input|post)\(\)|request\(\)->(?:all|input|post)\(\)"
    r"|(?:Request|Input)::all\(\)|\$_POST|\$_REQUEST)$"
)


_DATA_KEY = re.compile(r"\{\s*+data\s*+:\s*+")


def _unwrap_data(arg: str) -> str:
    """`{ data: X }` -> `X` (Prisma's create argument), by slicing: a lazy body before a
    trailing whitespace run backtracks quadratically on a long argument."""
    head = _DATA_KEY.match(arg)
    body = arg[:-1] if arg.endswith("\n") else arg
    if head is None or not body.endswith("}"):
        return arg
    return body[head.end() : -1].rstrip()


# The request object itself as an argument (`api.users.create(req, req.body)`): the
# callee is the application's own service layer, which takes the caller from it and
# picks the fields it accepts; no model or ORM write takes the request.
_REQUEST_ITSELF = re.compile(r"\s*+(?:req|request|ctx)\s*+")


# `Object.assign(target, ...sources)`, lodash's `_.set(object, path, value)`: their first
# argument is the object written to. The request body there is changed, not copied.
_WRITES_FIRST = frozenset({"assign", "set"})


def _js_mass(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    args = call_arguments(text, match.end() - 1, file.language or "")
    if any(_REQUEST_ITSELF.fullmatch(arg) for arg in args):
        return False
    if match.group("at") in _WRITES_FIRST:
        args = args[1:]
    for arg in args:
        inner = _unwrap_data(arg)
        if _BODY.match(arg) or _BODY.match(inner):
            return f"The whole request body goes into `{match.group('at') or match.group('cls')}`."
    return False


# An action class built or resolved for the call (`(new UpdateUserPassword())->update(…)`,
# `app(CreateNewUser::class)->create(…)`): Laravel Fortify's and Jetstream's actions, named
# for what they do, validate the input and write the fields they name. A model is a noun.
_PHP_ACTION_RECEIVER = re.compile(
    r"(?:\(\s*new\s+|\bapp\(\s*)\\?(?:\w+\\)*(?:Create|Update|Store|Save|Register|Reset|Delete"
    r"|Handle|Process|Make|Add|Remove|Invite|Confirm)[A-Z]\w*\s*(?:\(\s*\)|::class)?\s*\)\s*$"
)
# Eloquent's `update(array $attributes, array $options)`: only the attributes are written.
_PHP_ATTRIBUTES_FIRST = frozenset(
    {"create", "update", "fill", "forceFill", "forceCreate", "insert"}
)


def _php_mass(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    if _PHP_ACTION_RECEIVER.search(text[max(0, match.start() - 200) : match.start()]):
        return False
    args = call_arguments(text, match.end() - 1, "php")
    if match.group("at") in _PHP_ATTRIBUTES_FIRST:
        args = args[:1]
    for arg in args:
        if any(_PHP_ALL.match(part) for part in _php_array_parts(arg)):
            return f"Every request field goes into `{match.group('at')}`."
    return False


_PHP_MERGE = re.compile(r"^array_merge\s*\(")
_PHP_UNION = re.compile(r"\s*\+\s*")


def _php_array_parts(arg: str) -> list[str]:
    """The arrays an argument combines: `$request->all() + ['owner_id' => $id]` and
    `array_merge($request->all(), [...])` still hand every request field on (with `+`
    the request's keys even win)."""
    arg = arg.strip()
    merge = _PHP_MERGE.match(arg)
    if merge is not None:
        return [part.strip() for part in call_arguments(arg, merge.end() - 1, "php")]
    return [part.strip() for part in _PHP_UNION.split(arg)]


# A model write whose first argument follows: `User.create(`, `@user.update `, `attributes =`.
_RB_WRITE = (
    r"(?:(?:\.|\b)(?:create|new|update|update_attributes|assign_attributes|insert|insert_all"
    r"|upsert|upsert_all|update_columns|update_all|find_or_create_by|find_or_initialize_by"
    r"|first_or_create|first_or_initialize|create_with|build)!?|\battributes[ \t]*=)"
    r"[ \t]*\(?\s*(?:\*\*)?"
)
_RB_WRITE_BEFORE = re.compile(_RB_WRITE + r"$")
_RB_ASSIGNED = re.compile(r"(?<![\w@])(?P<var>@{0,2}[a-z_]\w*)[ \t]*(?:\|\||&&)?=[ \t]*$")
_RB_DEF = re.compile(r"^[ \t]*def[ \t]+(?:self\.)?(?P<name>\w+[?!]?)", re.M)
_RB_ENDLESS = re.compile(r"^[ \t]*def[ \t]+(?:self\.)?\w+[?!]?[ \t]*=[ \t]*$")
_RB_OWN_PARAMS = re.compile(r"^(?:::)?ActionController::Parameters\.new\b")
_RB_REQUEST = re.compile(r"\b(?:params|request)\b")
_RB_ADMIN = re.compile(r"(?:^|/)controllers/(?:[\w/]*/)?admin/|\bclass[ \t]+Admin::")


def _ruby_chain_start(text: str, end: int) -> int:
    """Start of the receiver chain ending at `end` (`params.require(:user)` before
    `.permit!`), walking back over names, `.`, `::` and balanced brackets."""
    i = end
    while i > 0:
        ch = text[i - 1]
        if ch in ")]":
            depth, j = 0, i - 1
            while j >= 0:
                if text[j] in ")]":
                    depth += 1
                elif text[j] in "([":
                    depth -= 1
                    if depth == 0:
                        break
                j -= 1
            if j < 0:
                return i
            i = j
        elif ch.isalnum() or ch in "_.:@?!":
            i -= 1
        else:
            return i
    return i


def _writes(text: str, name: str) -> bool:
    return re.search(_RB_WRITE + re.escape(name) + r"(?![\w?!])", text) is not None


def _ruby_permit_all(match: re.Match[str], text: str, file: ChangedFile) -> str | bool | Verdict:
    start = _ruby_chain_start(text, match.start())
    chain = text[start : match.start()]
    if _RB_OWN_PARAMS.match(chain) and not _RB_REQUEST.search(chain):
        return False  # a Parameters object the code built from its own values
    before = text[max(0, start - 200) : start]
    line_before = before.rsplit("\n", 1)[-1]
    written = _RB_WRITE_BEFORE.search(before) is not None
    if not written:
        defs = [d for d in _RB_DEF.finditer(text) if d.start() < start]
        method = defs[-1] if defs else None
        later = [d.start() for d in _RB_DEF.finditer(text) if d.start() > start]
        body = text[start : later[0] if later else len(text)]
        endless = _RB_ENDLESS.match(line_before)
        assigned = None if endless else _RB_ASSIGNED.search(line_before)
        if assigned:
            var = assigned.group("var")
            # An instance variable may be written from another action; a local only here.
            written = _writes(text if var.startswith("@") else body, var)
        elif method is not None and (not line_before.strip() or endless):
            # The chain is a statement: a strong-params method returns it, and a bare
            # `params.permit!` marks `params` itself permitted for later writes.
            written = _writes(text, method.group("name")) or (
                chain.startswith("params") and _writes(text, "params")
            )
    if not written:
        return Verdict(
            "`permit!` lets every parameter through, but no model write in this file receives "
            "the result (it is logged, rendered or returned), so this is noted in the summary.",
            Severity.INFO,
        )
    if _RB_ADMIN.search(file.path) or _RB_ADMIN.search(text):
        return Verdict(
            "`permit!` lets every parameter through to a model write in an admin controller; "
            "an admin settings form may permit every key on purpose, so whether it matters "
            "depends on who reaches the controller (noted in the summary).",
            Severity.INFO,
        )
    return "`permit!` lets every parameter through to a model write."


MASS_PATTERNS = (
    Pattern(MASS_ID, _RUBY, re.compile(r"\.(?P<at>permit!)"), _ruby_permit_all),
    # `to_unsafe_h` skips strong parameters; only a model write is flagged (pagination
    # links built from `params.to_unsafe_h` are common and harmless).
    Pattern(
        MASS_ID,
        _RUBY,
        re.compile(
            r"\b(?P<at>create!?|update!?|new|assign_attributes|update_attributes!?|attributes\s*=)"
            r"[ \t]*\(?[ \t]*params(?:\[[^\]\n]{1,80}\]|\.require\([^)\n]{1,80}\))?"
            r"\.to_unsafe_h(?:ash)?\b"
        ),
        lambda m, t, f: f"`to_unsafe_h` hands every parameter to `{m.group('at')}`.",
    ),
    Pattern(
        MASS_ID,
        _JS,
        re.compile(
            r"(?:\.(?P<at>create|build|update|insertMany|insert|findOneAndUpdate"
            r"|updateOne|updateMany|findByIdAndUpdate|upsert|bulkCreate|assign|set)"
            r"|\bnew\s+(?=[A-Z])(?P<cls>\w+))\s*\("
        ),
        _js_mass,
    ),
    Pattern(
        MASS_ID,
        _PHP,
        re.compile(
            r"(?:->|::)(?P<at>create|update|fill|forceFill|forceCreate|updateOrCreate"
            r"|firstOrCreate|insert)\s*\("
        ),
        _php_mass,
    ),
)

MASS_RULE = catalog_rule(MASS_ID)


class RubySqlInjection(FlowPatternCheck):
    name = "security:ruby-sql-injection"
    rules = (RUBY_SQL_RULE,)
    languages = _RUBY
    flow_languages = _RUBY  # request input reaching the SQL text; no pattern left
    kinds = _CODE_KINDS


class PhpSqlInjection(FlowPatternCheck):
    name = "security:php-sql-injection"
    rules = (PHP_SQL_RULE,)
    languages = _PHP
    flow_languages = _PHP  # request input reaching the SQL text; no pattern left
    kinds = _CODE_KINDS


class CommandInjection(FlowPatternCheck):
    """Every language the taint engine covers reports from flows."""

    name = "security:command-injection"
    rules = (CMD_RULE,)
    flow_languages = frozenset(
        {"go", "ruby", "php", "kotlin", "csharp", "scala", "javascript", "typescript", "java"}
    )
    languages = catalog_languages(CMD_ID, "security_ruby_php")
    kinds = _CODE_KINDS
    patterns = CMD_PATTERNS
    hint = re.compile(r"exec|Command|system|spawn|popen|Open3|`|%x|passthru|ProcessBuilder")


class MassAssignment(PatternCheck):
    name = "security:mass-assignment"
    rules = (MASS_RULE,)
    languages = catalog_languages(MASS_ID, "security_ruby_php")
    kinds = _CODE_KINDS
    patterns = MASS_PATTERNS
    hint = re.compile(
        r"permit!|to_unsafe_h|\.body|\.payload|->(?:all|input|post)\(\)|::all|\$_POST|\$_REQUEST"
    )


CHECKS: list[Check] = [RubySqlInjection(), PhpSqlInjection(), CommandInjection(), MassAssignment()]

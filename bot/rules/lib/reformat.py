"""Whether a change only re-lays code out (a formatter pass) — for the whole file or hunk
by hunk — so that findings on it go to the summary instead of inline.

The pre-change text is rebuilt from the diff (`old_code.base_text`). Both versions are
cut into tokens the same way and compared:

- Python, whole file: the `ast` trees (exact: Black's quotes, wraps and commas vanish).
- JS/TS, Go, Java, Kotlin, Ruby, PHP, C#, Scala and Python hunk by hunk: the tree-sitter
  tree ast-grep gives, as its leaves (kind and text) plus the opening and closing of every
  named node, without comments (but for those a tool reads: Go directives, Ruby magic
  comments, PHP annotation docblocks) and without the whitespace between tokens. The whitespace
  *inside* a string-like node (template strings, heredocs, raw strings) is kept, and a
  leaf's text is compared whole, so re-indenting a heredoc is a change. A few formatter
  changes are read as layout where the language gives them one meaning: the quote
  character of a string holding no quote, backslash or interpolation sign (JS/TS, PHP,
  Ruby, Python), a trailing comma before a closing bracket (not in a pattern, nor where
  it makes a tuple), and a JS/TS statement's closing `;` (the tree shows any place where
  automatic semicolon insertion would read the code differently).
- SQL: a token stream (strings, quoted names, numbers, words, single signs) without
  comments (but MySQL's executable `/*! */` and optimizer hints `/*+ */`) and whitespace,
  keywords in any case.

A tree with a syntax error on either side is not compared (no claim either way).

Hunk by hunk: both token streams are split at the hunks (the tokens before the first
hunk, those of the first hunk, those between the first and the second, ...; a token
belongs where it starts, a node's closing where it ends). When every stretch between
hunks has the same tokens on both sides, a hunk whose two sides have the same tokens
re-lays code and changes nothing of it; the lines it adds are old code. When a stretch
between hunks differs (a hunk opened a string or a comment that runs on), nothing is
claimed for any hunk.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from ast_grep_py import SgNode, SgRoot

from bot import lazyre as re
from bot.models import ChangedFile, FileStatus
from bot.rules.lib.old_code import base_text, python_reformat_only
from bot.rules.lib.sql_text import MYSQL, detect_dialect

# Our language names -> ast-grep's, for the languages the check reads.
_TREE_LANGUAGES = {
    "javascript": "javascript",
    "typescript": "typescript",
    "go": "go",
    "java": "java",
    "kotlin": "kotlin",
    "ruby": "ruby",
    "php": "php",
    "csharp": "csharp",
    "scala": "scala",
    "python": "python",
}
# Languages where `'a'` and `"a"` can be one value (see `_NOT_PLAIN`; JS/TS strings are
# compared by value, `_js_string`).
_QUOTE_ALIKE = frozenset(["javascript", "typescript", "php", "ruby", "python"])
_STRING_KINDS = frozenset(["string", "encapsed_string"])
_QUOTES = frozenset(["'", '"', "'''", '"""'])
_PY_PREFIX = re.compile(r"^[A-Za-z]*")
# What a string may not hold for its quotes to be layout: a quote, a line break, and
# where the two quotes read escapes or interpolation differently, a backslash and the
# interpolation sign (Ruby `#{}`, PHP `$x` / `{$x}`). JS/TS and Python read every escape
# alike between either quote.
_NOT_PLAIN = {
    "ruby": re.compile(r"[\\'\"#\n]"),
    "php": re.compile(r"[\\'\"$\n]"),
    "javascript": re.compile(r"['\"\n]"),
    "typescript": re.compile(r"['\"\n]"),
    "python": re.compile(r"['\"\n]"),
}
_NOT_PLAIN_OTHER = re.compile(r"[\\'\"\n]")
# Parents where a node's inner whitespace belongs to a value, not to the layout.
_TEXTUAL = re.compile(
    r"string|heredoc|nowdoc|regex|subshell|character|char_literal|text_block|quasi", re.I
)
# Scala's unicode arrows are the ASCII ones (scalafmt's RewriteArrowSymbols).
_SCALA_ARROWS = {"=>": "=>", "⇒": "=>", "<-": "<-", "←": "<-"}
_TS_MEMBERS = frozenset(["object_type", "interface_body"])
_CLOSERS = frozenset([")", "]", "}"])
_OPENERS = frozenset(["(", "[", "{", ","])
# Parents where a trailing comma means something: Ruby's `in [a,]` (a rest), JS/PHP
# destructuring, Python's subscripts and tuples (only the listed Python parents are safe).
_COMMA_MEANS = re.compile(r"pattern|list_literal|subscript|tuple", re.I)
_PY_COMMA_SAFE = frozenset(
    ["argument_list", "parameters", "list", "dictionary", "set", "import_from_statement"]
)

# Comments a tool reads, kept as tokens (compared as written): Go's directives
# (`//go:embed`, `//go:build`, `// +build`, `//export`, cgo's `#cgo`), Ruby's magic comments
# (`# frozen_string_literal: true` changes what string literals are), PHP docblocks that
# hold annotations (Doctrine and Symfony read `@ORM\Column`, `@Route`, `@IsGranted`),
# and a Python source encoding.
_READ_COMMENT = {
    "go": re.compile(r"^//(?:go:|export\b|line\b)|^//\s*\+build|#cgo\b"),
    "ruby": re.compile(
        r"^#\s*(?:-\*-|frozen_string_literal|encoding|coding|warn_indent|shareable_constant_value)",
        re.I,
    ),
    "php": re.compile(r"^/\*\*.*@", re.S),
    "python": re.compile(r"coding[:=]"),
}
_NONE = re.compile(r"(?!)")

Token = tuple[int, str, str]  # line (1-based), kind, text
# Kinds of the node boundaries (no tree-sitter kind holds a space).
_OPEN, _CLOSE = "node open", "node close"


@dataclass(frozen=True)
class Layout:
    """What a change did to a file's code: `whole` when nothing but its layout changed;
    `lines` the added lines of hunks that only re-lay code (all of them when `whole`)."""

    whole: bool
    lines: frozenset[int]


NO_LAYOUT = Layout(False, frozenset())


def layout_only(file: ChangedFile) -> Layout:
    """Which of a modified file's added lines only re-lay code the file held before.
    Needs the whole head text; a file known only from its diff gets no claim."""
    if file.status is not FileStatus.MODIFIED or file.content is None or not file.hunks:
        return NO_LAYOUT
    language = file.language or _language(file.path)
    if language != "sql" and language not in _TREE_LANGUAGES:
        return NO_LAYOUT
    base = base_text(file)
    if base is None or base == file.content:
        return NO_LAYOUT
    added = frozenset(file.added_lines)
    if language == "python" and python_reformat_only(file):
        return Layout(True, added)
    try:
        if language == "sql":
            mysql = MYSQL in (
                detect_dialect(file.path, base),
                detect_dialect(file.path, file.content),
            )
            left: list[Token] | None = _sql_tokens(base, mysql)
            right: list[Token] | None = _sql_tokens(file.content, mysql)
        else:
            left = _tree_tokens(base, language)
            right = _tree_tokens(file.content, language)
    except RecursionError:
        return NO_LAYOUT
    if left is None or right is None:
        return NO_LAYOUT
    found = _compare(file, left, right, added)
    if not found.whole and language != "python" and _same_but_import_order(left, right, language):
        return Layout(True, added)
    if found.whole and language == "python":
        # The syntax trees differ (or one did not parse) where the tokens do not: trust
        # neither for any hunk.
        return NO_LAYOUT
    return found


# Formatters that also sort imports (spotless and google-java-format, goimports, ktlint,
# organize-imports) move import lines from one hunk to another: no hunk then has the same
# tokens on both sides, yet the file is the same code once its imports are read as a set.
# Per language, the nodes that hold the imports, and the node of one import in them
# (Python is left out: an import runs code, so its place can matter).
_IMPORTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "java": (frozenset({"import_declaration"}), frozenset({"import_declaration"})),
    "scala": (frozenset({"import_declaration"}), frozenset({"import_declaration"})),
    "kotlin": (frozenset({"import_list", "import_header"}), frozenset({"import_header"})),
    "go": (frozenset({"import_declaration"}), frozenset({"import_spec"})),
    "javascript": (frozenset({"import_statement"}), frozenset({"import_statement"})),
    "typescript": (frozenset({"import_statement"}), frozenset({"import_statement"})),
    "csharp": (frozenset({"using_directive"}), frozenset({"using_directive"})),
    "php": (frozenset({"namespace_use_declaration"}), frozenset({"namespace_use_declaration"})),
}


def _same_but_import_order(left: list[Token], right: list[Token], language: str) -> bool:
    """Whether two token streams differ only in the order of their imports."""
    kinds = _IMPORTS.get(language)
    if kinds is None:
        return False
    left_code, left_imports = _imports_apart(left, *kinds)
    if not left_imports:
        return False
    right_code, right_imports = _imports_apart(right, *kinds)
    return left_code == right_code and sorted(left_imports) == sorted(right_imports)


def _imports_apart(
    tokens: list[Token], holders: frozenset[str], units: frozenset[str]
) -> tuple[list[tuple[str, str]], list[tuple[tuple[str, str], ...]]]:
    """The tokens outside import nodes, and each import's tokens."""
    code: list[tuple[str, str]] = []
    imports: list[tuple[tuple[str, str], ...]] = []
    holding = 0  # depth inside an import holder, 0 outside
    unit: list[tuple[str, str]] | None = None
    unit_depth = 0
    for _line, kind, text in tokens:
        if holding == 0:
            if kind == _OPEN and text in holders:
                holding = 1
                if text in units:
                    unit, unit_depth = [(kind, text)], 1
            else:
                code.append((kind, text))
            continue
        holding += (kind == _OPEN) - (kind == _CLOSE)
        if unit is not None:
            unit.append((kind, text))
            unit_depth += (kind == _OPEN) - (kind == _CLOSE)
            if unit_depth == 0:
                imports.append(tuple(unit))
                unit = None
        elif kind == _OPEN and text in units:
            unit, unit_depth = [(kind, text)], 1
    return code, imports


def _language(path: str) -> str | None:
    from bot.select import language_of

    return language_of(path)


def _compare(
    file: ChangedFile, left: list[Token], right: list[Token], added: frozenset[int]
) -> Layout:
    hunks = sorted(file.hunks, key=lambda h: h.new_start)
    # Segment 2i+1 is hunk i; 2i the stretch before it; 2n the stretch after the last.
    old_bounds: list[int] = []
    new_bounds: list[int] = []
    for hunk in hunks:
        # A side with no lines sits after its start line.
        o = hunk.old_start + (1 if hunk.old_length == 0 else 0)
        n = hunk.new_start + (1 if hunk.new_length == 0 else 0)
        old_bounds += [o, o + hunk.old_length]
        new_bounds += [n, n + hunk.new_length]
    if old_bounds != sorted(old_bounds) or new_bounds != sorted(new_bounds):
        return NO_LAYOUT
    size = 2 * len(hunks) + 1
    lsegs = _split(left, old_bounds, size)
    rsegs = _split(right, new_bounds, size)
    if any(lsegs[i] != rsegs[i] for i in range(0, size, 2)):
        return NO_LAYOUT
    lines: set[int] = set()
    same = 0
    for i, hunk in enumerate(hunks):
        if lsegs[2 * i + 1] == rsegs[2 * i + 1]:
            same += 1
            lines.update(n for n in hunk.right_lines() if n in added)
    if same == len(hunks):
        return Layout(True, added)
    return Layout(False, frozenset(lines))


def _split(tokens: list[Token], bounds: list[int], size: int) -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = [[] for _ in range(size)]
    for line, kind, text in tokens:
        out[bisect_right(bounds, line)].append((kind, text))
    return out


# --- tree-sitter leaves -------------------------------------------------------------


@lru_cache(maxsize=64)
def _tree_tokens_cached(text: str, sg_lang: str, language: str) -> tuple[Token, ...] | None:
    root = SgRoot(text, sg_lang).root()
    out: list[Token] = []
    if not _walk(root, text, language, out):
        return None
    tokens = _drop_layout_commas(out, language)
    if language in ("javascript", "typescript"):
        tokens = _bare_arrow_parameters(tokens)
    return tuple(tokens)


def _tree_tokens(text: str, language: str) -> list[Token] | None:
    found = _tree_tokens_cached(text, _TREE_LANGUAGES[language], language)
    return None if found is None else list(found)


# Entries of the walk's stack: a node to visit (with what its parent lets it drop), or
# a node's end (its kind, end offset and line, and whether its inner text is a value).
_VISIT, _END = 0, 1
_KEEP, _DROP_SEMI, _DROP_SEP = 0, 1, 2


def _walk(root: SgNode, text: str, language: str, out: list[Token]) -> bool:
    """Leaves and node boundaries of `root` (parsed from `text`) into `out`, with the
    text between leaves that is not whitespace (or is, inside a string-like node) as
    `gap` tokens; False on a syntax error.

    Offsets are read only where needed (a leaf, a string-like node: reading a node's
    range costs more than the rest of its visit); a node opens on its first leaf's line
    and closes on its last leaf's."""
    quote_alike = language in _QUOTE_ALIKE
    semis = language in ("javascript", "typescript")
    arrows = language == "scala"
    pos = 0  # the offset up to which `text` is accounted for
    line = 1  # the line where the last leaf ended
    opened: list[bool] = [False]  # per open node, whether it is string-like
    waiting: list[int] = []  # indices in `out` of openings whose line is not known yet

    def gap(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            between = text[pos:upto]
            if opened[-1] or not between.isspace():
                out.append((line, "gap", between))
            pos = upto

    stack: list[tuple[int, object, int, int]] = [(_VISIT, root, _KEEP, 0)]
    while stack:
        tag, item, a, b = stack.pop()
        if tag == _END:
            for k in waiting:
                out[k] = (line, *out[k][1:])
            waiting.clear()
            if opened.pop():
                gap(a)  # the string's own text after its last part
            if isinstance(item, str):
                out.append((line, _CLOSE, item))
            continue
        node = cast(SgNode, item)
        kind = node.kind()
        if kind == "ERROR":
            return False
        children = node.children()
        if not children or "comment" in kind:
            span = node.range()
            start, end = span.start.index, span.end.index
            gap(start)
            pos = max(pos, end)
            if "comment" in kind:
                body = text[start:end]
                if _READ_COMMENT.get(language, _NONE).search(body):
                    # Compared as written but for each line's indentation (a formatter
                    # re-indents a docblock with the code around it).
                    kept = "\n".join(row.strip() for row in body.splitlines())
                    out.append((span.start.line + 1, "comment", kept))
                continue
            if start == end:
                return False  # a MISSING token the parser made up
            first = span.start.line + 1
            line = span.end.line + 1
            for k in waiting:
                out[k] = (first, *out[k][1:])
            waiting.clear()
            if a == _DROP_SEMI and kind == ";" or a == _DROP_SEP and kind in (";", ","):
                continue
            if b:
                out.append(_quote(text[start:end], first, language))
            elif arrows and kind in _SCALA_ARROWS:
                arrow = _SCALA_ARROWS[kind]
                out.append((first, arrow, arrow))
            else:
                out.append((first, kind, text[start:end]))
            continue
        if semis and kind == "string":
            value = _js_string(children)
            if value is not None:
                # One token for the string's value, whichever quote holds it.
                span = node.range()
                gap(span.start.index)
                pos = span.end.index
                first = span.start.line + 1
                line = span.end.line + 1
                for k in waiting:
                    out[k] = (first, *out[k][1:])
                waiting.clear()
                out.append((first, "string value", value))
                continue
        textual = bool(_TEXTUAL.search(kind))
        end = 0
        if textual:
            span = node.range()
            gap(span.start.index)
            end = span.end.index
        plain = quote_alike and kind in _STRING_KINDS and _plain_string(children, language)
        name = "string" if plain else kind
        named = node.is_named()
        if named:
            waiting.append(len(out))
            out.append((line, _OPEN, name))
        opened.append(textual)
        stack.append((_END, name if named else None, end, 0))
        drop = _KEEP
        if semis and len(children) > 1 and not kind.startswith("for"):
            # A JS/TS statement's `;` (the nesting shows where automatic semicolon
            # insertion would read the code otherwise; `for (;;)` keeps its own); a
            # type's member separators.
            drop = _DROP_SEP if kind in _TS_MEMBERS else _DROP_SEMI
        last = len(children) - 1
        for j in range(last, -1, -1):
            stack.append((_VISIT, children[j], drop, int(plain and j in (0, last))))
    return True


def _js_string(children: list[SgNode]) -> str | None:
    """The value of a JS/TS string in `'` or `"`: its text with `\\'` and `\\"` read as
    the quote (every other escape reads the same between either quote, so it stays as
    written); None for anything else."""
    if len(children) < 2 or children[0].text() not in ("'", '"'):
        return None
    parts: list[str] = []
    for child in children[1:-1]:
        kind, text = child.kind(), child.text()
        if kind == "escape_sequence" and text in ("\\'", '\\"'):
            parts.append(text[1])
        elif kind in ("string_fragment", "escape_sequence"):
            parts.append(text)
        else:
            return None
    return "".join(parts)


def _plain_string(children: list[SgNode], language: str) -> bool:
    """A string between like quotes holding nothing the two quotes read differently
    (see `_NOT_PLAIN`): `'a'` and `"a"` are one value."""
    if len(children) < 2:
        return False
    first, end = children[0].text(), children[-1].text()
    opening = first[len(_PY_PREFIX.match(first).group(0)) :]  # type: ignore[union-attr]
    if opening not in _QUOTES or opening != end:
        return False
    banned = _NOT_PLAIN.get(language, _NOT_PLAIN_OTHER)
    return not any(banned.search(c.text()) for c in children[1:-1])


def _quote(text: str, line: int, language: str) -> Token:
    head = _PY_PREFIX.match(text).group(0) if language == "python" else ""  # type: ignore[union-attr]
    return (line, "quote", head + '"' * (len(text) - len(head)))


# prettier's `arrowParens` and Rome write `(knex) => …` where the code had `knex => …`:
# one plain parameter means the same with or without its parentheses.
_ONE_PARAMETER = (
    [(_OPEN, "formal_parameters"), ("(", "("), ("identifier", None), (")", ")"),
     (_CLOSE, "formal_parameters")],
    [(_OPEN, "formal_parameters"), ("(", "("), (_OPEN, "required_parameter"),
     ("identifier", None), (_CLOSE, "required_parameter"), (")", ")"),
     (_CLOSE, "formal_parameters")],
)  # fmt: skip


def _bare_arrow_parameters(tokens: list[Token]) -> list[Token]:
    """An arrow function's one parenthesized plain parameter as the bare identifier."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        if (
            out
            and out[-1][1:] == (_OPEN, "arrow_function")
            and tokens[i][1:]
            == (
                _OPEN,
                "formal_parameters",
            )
        ):
            for shape in _ONE_PARAMETER:
                part = tokens[i : i + len(shape)]
                if len(part) == len(shape) and all(
                    kind == k and (text is None or text == t)
                    for (_, k, t), (kind, text) in zip(part, shape, strict=True)
                ):
                    out.append(next(t for t in part if t[1] == "identifier"))
                    i += len(shape)
                    break
            else:
                out.append(tokens[i])
                i += 1
            continue
        out.append(tokens[i])
        i += 1
    return out


def _drop_layout_commas(tokens: list[Token], language: str) -> list[Token]:
    """Without trailing commas before a closing bracket where they mean nothing."""
    out: list[Token] = []
    parents: list[str] = []
    previous = ""  # the kind of the last leaf kept
    n = len(tokens)
    for i, tok in enumerate(tokens):
        kind = tok[1]
        if kind == _OPEN:
            parents.append(tok[2])
        elif kind == _CLOSE:
            if parents:
                parents.pop()
        elif (
            kind == ","
            and previous not in _OPENERS
            and parents
            and _comma_free(parents[-1], language)
        ):
            k = i + 1
            while k < n and tokens[k][1] == _CLOSE:
                k += 1
            if k < n and tokens[k][1] in _CLOSERS:
                continue
        if kind not in (_OPEN, _CLOSE):
            previous = kind
        out.append(tok)
    return out


def _comma_free(parent: str, language: str) -> bool:
    if language == "python":
        return parent in _PY_COMMA_SAFE
    return not _COMMA_MEANS.search(parent)


# --- SQL ----------------------------------------------------------------------------


def _sql_token(mysql: bool) -> re.Pattern[str]:
    # `#` starts a comment in MySQL only (PostgreSQL has `#` and `#>` operators).
    hash_comment = r"|\#[^\n]*" if mysql else ""
    return re.compile(
        r"""(?P<ws>\s+)
        |(?P<comment>--[^\n]*|/\*.*?(?:\*/|\Z)"""
        + hash_comment
        + r""")
        |(?P<dollar>\$(?P<tag>[A-Za-z_]\w*|)\$.*?(?:\$(?P=tag)\$|\Z))
        |(?P<string>[EeNnBbXx]?'(?:[^']|'')*(?:'|\Z))
        |(?P<name>"(?:[^"]|"")*(?:"|\Z)|`(?:[^`]|``)*(?:`|\Z)|\[[^\]\n]*\])
        |(?P<number>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)
        |(?P<word>[^\W\d]\w*)
        |(?P<sign>.)""",
        re.S | re.X,
    )


_SQL_TOKEN = {False: _sql_token(False), True: _sql_token(True)}


@lru_cache(maxsize=1)
def _sql_keywords() -> frozenset[str]:
    from sqlglot.dialects.mysql import MySQL
    from sqlglot.tokens import Tokenizer

    words: set[str] = set()
    for table in (Tokenizer.KEYWORDS, MySQL.Tokenizer.KEYWORDS):
        for key in table:
            words.update(w for w in key.split() if w.isalpha())
    return frozenset(words)


def _sql_tokens(text: str, mysql: bool) -> list[Token]:
    """SQL as tokens without comments or whitespace. An unquoted word is one token in
    any case (PostgreSQL, SQLite and SQL Server fold or ignore the case of names), but
    in MySQL only a keyword is: a table name's case can matter there."""
    keywords = _sql_keywords()
    out: list[Token] = []
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", text))
    for match in _SQL_TOKEN[mysql].finditer(text):
        kind = match.lastgroup or "sign"
        value = match.group(0)
        if kind == "ws" or kind == "comment" and not value.startswith(("/*!", "/*+")):
            continue  # (MySQL runs `/*! ... */`; `/*+ ... */` holds optimizer hints)
        if kind == "word" and (not mysql or value.upper() in keywords):
            value = value.upper()
        out.append((bisect_right(starts, match.start()), kind, value))
    return out

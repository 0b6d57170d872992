"""A small, forgiving parser for the parts of a `.proto` file that make its wire contract:
messages (nested too), fields with number, type and label (oneof and map included),
enums and their values, services and rpcs, and `reserved` numbers, ranges and names.

Options (but `json_name`), imports, comments, extensions and anything unknown are
skipped; a broken file yields whatever was parsed before the damage, never an exception.
Nesting is walked with an explicit stack, so depth has no recursion limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import lazyre as re

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<string>"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)
  | (?P<word>[A-Za-z_.][A-Za-z0-9_.]*|-?\d[\w.+-]*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_MAX_NUMBER = 536_870_911
_PUNCT_SPACE = re.compile(r"\s*([<>,])\s*")
_RPC = re.compile(
    r"^(\w+)\s*\(\s*((?:stream\s+)?[\w.]+)\s*\)\s*returns\s*\(\s*((?:stream\s+)?[\w.]+)"
)


@dataclass(frozen=True)
class Token:
    text: str
    line: int  # 1-based
    string: bool = False


@dataclass(frozen=True)
class Field:
    name: str
    number: int
    type: str  # "repeated int64", "map<string, Foo>" ...
    line: int
    label: str = ""  # "", "optional", "required" or "repeated"
    oneof: str | None = None
    json_name: str | None = None

    @property
    def value_type(self) -> str:
        return self.type.removeprefix("repeated ")


@dataclass
class Reserved:
    ranges: list[tuple[int, int]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)

    def has_number(self, number: int) -> bool:
        return any(lo <= number <= hi for lo, hi in self.ranges)


@dataclass
class Message:
    name: str  # full name inside the file: Outer.Inner
    line: int
    fields: dict[str, Field] = field(default_factory=dict)
    reserved: Reserved = field(default_factory=Reserved)


@dataclass
class Enum:
    name: str
    line: int
    values: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (number, line)
    reserved: Reserved = field(default_factory=Reserved)


@dataclass(frozen=True)
class Rpc:
    name: str
    request: str  # "stream Foo" for a client stream
    response: str
    line: int

    @property
    def client_streaming(self) -> bool:
        return self.request.startswith("stream ")

    @property
    def server_streaming(self) -> bool:
        return self.response.startswith("stream ")


@dataclass
class Service:
    name: str
    line: int
    rpcs: dict[str, Rpc] = field(default_factory=dict)


@dataclass
class ProtoFile:
    package: str = ""
    package_line: int = 0
    messages: dict[str, Message] = field(default_factory=dict)
    enums: dict[str, Enum] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    line = 1
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind == "string":
            out.append(Token(value[1:-1] if len(value) > 1 else "", line, string=True))
        elif kind in {"word", "punct"}:
            out.append(Token(value, line))
        line += value.count("\n")
    return out


class _Parser:
    """A loop over an explicit stack of open blocks: nesting depth costs memory, never
    Python recursion, so a deeply nested file parses like any other."""

    def __init__(self, tokens: list[Token]) -> None:
        self.toks = tokens
        self.pos = 0
        self.out = ProtoFile()
        # (kind, full name, oneof name): kind is message, enum, service or oneof.
        self.stack: list[tuple[str, str, str | None]] = []

    def peek(self, ahead: int = 0) -> Token | None:
        index = self.pos + ahead
        return self.toks[index] if index < len(self.toks) else None

    def text(self, ahead: int = 0) -> str:
        tok = self.peek(ahead)
        return "" if tok is None or tok.string else tok.text

    def take(self) -> Token | None:
        tok = self.peek()
        self.pos += 1
        return tok

    def skip_statement(self) -> None:
        """Past the next `;` or balanced `{...}` block, whichever ends the statement."""
        depth = 0
        while (tok := self.take()) is not None:
            if tok.string:
                continue
            if tok.text == "{":
                depth += 1
            elif tok.text == "}":
                depth -= 1
                if depth <= 0:
                    return
            elif tok.text == ";" and depth == 0:
                return

    def parse(self) -> ProtoFile:
        while self.peek() is not None:
            start = self.pos
            self.step()
            if self.pos == start:  # never loop in place on damaged input
                self.pos += 1
        return self.out

    def step(self) -> None:
        word = self.text()
        if word == "}":
            self.pos += 1
            if self.stack:
                self.stack.pop()
            return
        kind = self.stack[-1][0] if self.stack else None
        if kind == "enum":
            self.enum_member(self.stack[-1][1])
        elif kind == "service":
            self.service_member(self.stack[-1][1])
        elif word in {"message", "enum", "service"} and self.text(2) == "{" and kind != "oneof":
            self.open_block(word)
        elif kind is None:
            if word == "package":
                tok = self.take()
                name = self.take()
                if tok is not None and name is not None:
                    self.out.package, self.out.package_line = name.text, tok.line
            self.skip_statement()
        elif word in {"option", "extend", "extensions", "import", "syntax"}:
            self.skip_statement()
        else:
            self.member(self.stack[-1][1], self.stack[-1][2])

    def open_block(self, word: str) -> None:
        self.pos += 1
        name_tok = self.take()
        assert name_tok is not None
        self.pos += 1  # "{"
        scope = self.stack[-1][1] if self.stack else ""
        full = f"{scope}.{name_tok.text}" if scope else name_tok.text
        if word == "message":
            self.out.messages.setdefault(full, Message(full, name_tok.line))
        elif word == "enum":
            self.out.enums.setdefault(full, Enum(full, name_tok.line))
        else:
            self.out.services.setdefault(full, Service(full, name_tok.line))
        self.stack.append((word, full, None))

    def member(self, scope: str, oneof: str | None) -> None:
        msg = self.out.messages.get(scope)
        word = self.text()
        if msg is None:
            self.skip_statement()
        elif word == "reserved":
            self.pos += 1
            self.reserved(msg.reserved)
        elif word == "oneof" and self.text(2) == "{":
            self.stack.append(("oneof", scope, self.text(1)))
            self.pos += 3
        else:
            self.field(msg, oneof)

    def field(self, msg: Message, oneof: str | None) -> None:
        start = self.pos
        words: list[str] = []
        first = self.peek()
        line = first.line if first is not None else 0
        while (tok := self.peek()) is not None and tok.text not in {"=", ";", "{", "}"}:
            words.append(tok.text)
            self.pos += 1
        if self.text() != "=" or len(words) < 2:
            self.pos = start
            self.skip_statement()
            return
        self.pos += 1
        number = _int(self.text())
        json_name = self.field_options()
        name = words[-1]
        label = words[0] if words[0] in {"optional", "required", "repeated"} else ""
        kind = " ".join(w for w in words[:-1] if w not in {"optional", "required"})
        kind = _PUNCT_SPACE.sub(r"\1", kind)
        if number is not None:
            msg.fields[name] = Field(name, number, kind, line, label, oneof, json_name)

    def field_options(self) -> str | None:
        """Past the field's `;`; the `json_name` option on the way, if any."""
        json_name = None
        while (tok := self.take()) is not None:
            if tok.string:
                continue
            if tok.text in {";", "}"}:
                if tok.text == "}":
                    self.pos -= 1
                return json_name
            if tok.text == "json_name" and self.text() == "=":
                value = self.peek(1)
                if value is not None and value.string:
                    json_name = value.text
        return json_name

    def reserved(self, into: Reserved) -> None:
        while (tok := self.take()) is not None and not (tok.text == ";" and not tok.string):
            if tok.string:
                into.names.add(tok.text)
                continue
            low = _int(tok.text)
            if low is None:
                continue
            high = low
            if self.text() == "to":
                self.pos += 1
                end = self.take()
                high = _MAX_NUMBER if end is None or end.text == "max" else _int(end.text) or low
            into.ranges.append((low, high))

    def enum_member(self, name: str) -> None:
        enum = self.out.enums[name]
        tok = self.peek()
        assert tok is not None
        if tok.text == "reserved":
            self.pos += 1
            self.reserved(enum.reserved)
        elif self.text(1) == "=" and tok.text != "option":
            number = _int(self.text(2))
            if number is not None:
                enum.values[tok.text] = (number, tok.line)
            self.skip_statement()
        else:
            self.skip_statement()

    def service_member(self, name: str) -> None:
        service = self.out.services[name]
        if self.text() == "rpc":
            rpc = self.rpc()
            if rpc is not None:
                service.rpcs[rpc.name] = rpc
        else:
            self.skip_statement()

    def rpc(self) -> Rpc | None:
        start = self.take()
        words: list[str] = []
        while (tok := self.peek()) is not None and tok.text not in {";", "{", "}"}:
            words.append(tok.text)
            self.pos += 1
        if self.text() != "}":
            self.skip_statement()
        # rpc Name ( [stream] Req ) returns ( [stream] Resp )
        match = _RPC.match(" ".join(words))
        if start is None or match is None:
            return None
        return Rpc(match.group(1), match.group(2), match.group(3), start.line)


def _int(text: str) -> int | None:
    try:
        return int(text, 0)
    except ValueError:
        return None


def parse(text: str | None) -> ProtoFile | None:
    if text is None:
        return None
    return _Parser(tokenize(text)).parse()

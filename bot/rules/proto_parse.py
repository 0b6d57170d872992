"""A small, forgiving parser for the parts of a `.proto` file that make its wire contract:
messages (nested too), fields with number, type and label (oneof and map included),
enums and their values, services and rpcs, and `reserved` numbers, ranges and names.

Options, imports, comments, extensions and anything unknown are skipped; a broken
file yields whatever was parsed before the damage, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    request: str
    response: str
    line: int


@dataclass
class Service:
    name: str
    line: int
    rpcs: dict[str, Rpc] = field(default_factory=dict)


@dataclass
class ProtoFile:
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
    def __init__(self, tokens: list[Token]) -> None:
        self.toks = tokens
        self.pos = 0
        self.out = ProtoFile()

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
            self.definition("")
        return self.out

    def definition(self, scope: str) -> bool:
        """One top-level or nested statement; False at the `}` closing the scope."""
        word = self.text()
        if word == "}":
            self.pos += 1
            return False
        if word in {"message", "enum", "service"} and self.text(2) == "{":
            self.pos += 1
            name_tok = self.take()
            assert name_tok is not None
            self.pos += 1  # "{"
            full = f"{scope}.{name_tok.text}" if scope else name_tok.text
            getattr(self, word)(full, name_tok.line)
            return True
        if scope and word not in {"option", "extend", "extensions", "import", "syntax"}:
            return self.member(scope)
        self.skip_statement()
        return True

    def message(self, name: str, line: int) -> None:
        self.out.messages.setdefault(name, Message(name, line))
        while self.peek() is not None:
            if not self.definition(name):
                return

    def member(self, scope: str) -> bool:
        msg = self.out.messages.get(scope)
        word = self.text()
        if msg is None:
            self.skip_statement()
            return True
        if word == "reserved":
            self.pos += 1
            self.reserved(msg.reserved)
            return True
        if word == "oneof" and self.text(2) == "{":
            self.pos += 3
            while self.peek() is not None and self.text() != "}":
                if self.text() == "option":
                    self.skip_statement()
                else:
                    self.field(msg)
            self.pos += 1
            return True
        self.field(msg)
        return True

    def field(self, msg: Message) -> None:
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
        self.skip_statement()
        name = words[-1]
        kind = " ".join(w for w in words[:-1] if w not in {"optional", "required"})
        kind = _PUNCT_SPACE.sub(r"\1", kind)
        if number is not None:
            msg.fields[name] = Field(name, number, kind, line)

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

    def enum(self, name: str, line: int) -> None:
        enum = self.out.enums.setdefault(name, Enum(name, line))
        while (tok := self.peek()) is not None:
            if tok.text == "}":
                self.pos += 1
                return
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

    def service(self, name: str, line: int) -> None:
        service = self.out.services.setdefault(name, Service(name, line))
        while (tok := self.peek()) is not None:
            if tok.text == "}":
                self.pos += 1
                return
            if tok.text == "rpc":
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
    try:
        return _Parser(tokenize(text)).parse()
    except RecursionError:
        return None

"""Unified diff text -> `ChangedFile`s, with unidiff doing the parsing.

Git diffs and plain `diff -u` output are both accepted. Before unidiff sees the
text, a small structural pass checks hunk headers and hunk lengths, because
unidiff either raises without a line number or quietly ignores lines past a
hunk's declared length; users need to be told which line is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unidiff import PatchedFile, PatchSet
from unidiff.errors import UnidiffParseError

from bot import lazyre as re
from bot.models import ChangedFile, DiffLine, FileStatus, Hunk, LineType, SkippedFile

_HUNK_RE = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$")
_FILE_START = ("diff --git ", "--- ", "+++ ", "diff -")
# A file or hunk header right after a lone CR, outside a hunk: the CR was meant as a
# line end. (Inside a hunk it is a changed line's content, whatever follows it.)
_BARE_CR_HEADER = re.compile(r"\r(?:diff --git |--- \S|\+\+\+ \S|@@ -\d)")
_CR_ONLY = "lines are separated by CR characters alone; convert the line ends to LF"


class DiffError(ValueError):
    """A diff that cannot be parsed; `line` is 1-based in the input."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        where = f"line {line}: " if line is not None else ""
        super().__init__(f"{where}{message}")


def decode(raw: bytes | str) -> str:
    """Bytes that are not UTF-8 are replaced, never fatal; CRLF becomes LF."""
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def _check_structure(lines: list[str]) -> list[int]:
    """Raise `DiffError` at the first line that breaks unified-diff structure; else the
    index of each file's first header line."""
    starts: list[int] = []
    header_from_git = False  # the file began at `diff --git`, its `---` is still to come
    seen_target = False
    old_left = new_left = 0
    in_hunk = just_ended = False
    for number, line in enumerate(lines, start=1):
        if in_hunk:
            if line.startswith("\\"):
                continue
            marker = line[:1]
            if line == "" or marker == " ":
                old_left -= 1
                new_left -= 1
            elif marker == "-":
                old_left -= 1
            elif marker == "+":
                new_left -= 1
            else:
                raise DiffError(
                    f"hunk ended early: expected {old_left} more old and {new_left} more new "
                    f"line(s), found {line[:40]!r}",
                    number,
                )
            if old_left < 0 or new_left < 0:
                raise DiffError("hunk is longer than its @@ header says", number)
            if old_left == 0 and new_left == 0:
                in_hunk = False
                just_ended = True
            continue
        if line.startswith("\\"):  # "\ No newline at end of file" notes the line before it
            if just_ended:
                continue
            raise DiffError(f"{line[:40]!r} outside a hunk: it must follow a changed line", number)
        if just_ended and _looks_like_hunk_line(line):
            raise DiffError("hunk is longer than its @@ header says", number)
        just_ended = False
        if "\r" in line and _BARE_CR_HEADER.search(line):
            # Outside a hunk only: inside one, a lone CR is the content of a changed line.
            raise DiffError(_CR_ONLY, number)
        if line.startswith("diff "):
            starts.append(number - 1)
            header_from_git = True
        elif line.startswith("--- "):
            if not header_from_git:
                starts.append(number - 1)
            header_from_git = False
        if line.startswith("@@"):
            match = _HUNK_RE.match(line)
            if match is None:
                raise DiffError(f"malformed hunk header {line[:60]!r}", number)
            if not seen_target:
                raise DiffError("hunk before any '---'/'+++' file header", number)
            old_left = int(match.group(2) if match.group(2) is not None else 1)
            new_left = int(match.group(4) if match.group(4) is not None else 1)
            in_hunk = old_left > 0 or new_left > 0
        elif line.startswith("+++ "):
            seen_target = True
        elif line.startswith("diff --git "):
            seen_target = False
    if in_hunk:
        raise DiffError("input ends inside a hunk (the diff is truncated)", len(lines) + 1)
    return starts


def _looks_like_hunk_line(line: str) -> bool:
    """A diff body line right after a hunk that claimed to be complete."""
    if line.startswith(("+++ ", "--- ", "-- ")) or line == "--":
        return False  # next file's header, or a format-patch signature
    return line[:1] in ("+", "-", " ") and line.strip() != ""


_C_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def unquote_path(name: str) -> str:
    """A file name as git writes it: in double quotes with C escapes (octal bytes of
    UTF-8) when it holds a quote, a backslash, a control character or, by default, any
    non-ASCII character (`"b/caf\\303\\251.py"` is `b/café.py`). Other names as given."""
    if len(name) < 2 or not (name.startswith('"') and name.endswith('"')):
        return name
    out = bytearray()
    body = name[1:-1]
    i = 0
    while i < len(body):
        char = body[i]
        if char != "\\" or i + 1 == len(body):
            out += char.encode("utf-8", "surrogateescape")
            i += 1
            continue
        nxt = body[i + 1]
        digits = body[i + 1 : i + 4]
        if len(digits) == 3 and all(d in "01234567" for d in digits):
            out.append(int(digits, 8) & 0xFF)
            i += 4
        elif nxt in _C_ESCAPES:
            out.append(_C_ESCAPES[nxt])
            i += 2
        else:  # not an escape git writes: kept as it is
            out += char.encode()
            i += 1
    return out.decode("utf-8", errors="replace")


def _strip_prefix(source: str, target: str) -> tuple[str, str]:
    """`a/x` `b/x` -> `x`; a plain diff's `old/x` `new/x` -> `x` (like `patch -p1`)."""
    src = unquote_path(source) if source.startswith('"') else source.split("\t")[0]
    tgt = unquote_path(target) if target.startswith('"') else target.split("\t")[0]
    if src.startswith("a/") and tgt.startswith("b/"):
        return src[2:], tgt[2:]
    if src == "/dev/null":
        return src, tgt[2:] if tgt.startswith("b/") else tgt
    if tgt == "/dev/null":
        return src[2:] if src.startswith("a/") else src, tgt
    src_parts, tgt_parts = src.split("/", 1), tgt.split("/", 1)
    if len(src_parts) == 2 and len(tgt_parts) == 2 and src_parts[1] == tgt_parts[1]:
        return src_parts[1], tgt_parts[1]
    return src, tgt


def _status(patched: PatchedFile, info: str) -> FileStatus:
    if patched.is_binary_file or "GIT binary patch" in info:
        return FileStatus.BINARY
    if patched.is_removed_file:
        return FileStatus.DELETED
    if patched.is_added_file:
        return FileStatus.ADDED
    if "\ncopy from " in info or info.startswith("copy from "):
        return FileStatus.COPIED
    if patched.is_rename:
        return FileStatus.RENAMED
    return FileStatus.MODIFIED


def _to_changed_file(patched: PatchedFile) -> ChangedFile:
    info = str(patched.patch_info or "")
    source, target = _strip_prefix(patched.source_file or "", patched.target_file or "")
    status = _status(patched, info)
    if status is FileStatus.DELETED:
        path, previous = source, None
    else:
        path = target if target != "/dev/null" else source
        previous = source if status in (FileStatus.RENAMED, FileStatus.COPIED) else None
    hunks: list[Hunk] = []
    commentable: set[int] = set()
    added: set[int] = set()
    # DiffLine(...) rather than model_construct: pydantic-core validates these four
    # plain fields faster than model_construct fills defaults in Python (~3 vs ~10 µs,
    # and a large PR has tens of thousands of lines).
    for h in patched:
        lines: list[DiffLine] = []
        for ln in h:
            if ln.line_type == "\\":
                continue  # "\ No newline at end of file": a note, not a line
            text = ln.value.rstrip("\n")
            new_no: int | None = ln.target_line_no
            if ln.is_added and new_no is not None:
                lines.append(DiffLine(type=LineType.ADDED, text=text, new_no=new_no))
                added.add(new_no)
                commentable.add(new_no)
            elif ln.is_removed:
                lines.append(DiffLine(type=LineType.REMOVED, text=text, old_no=ln.source_line_no))
            else:
                lines.append(
                    DiffLine(
                        type=LineType.CONTEXT,
                        text=text,
                        new_no=new_no,
                        old_no=ln.source_line_no,
                    )
                )
                if new_no is not None:
                    commentable.add(new_no)
        hunks.append(
            Hunk(
                old_start=h.source_start,
                old_length=h.source_length,
                new_start=h.target_start,
                new_length=h.target_length,
                header=(h.section_header or "").strip(),
                lines=tuple(lines),
            )
        )
    if status is FileStatus.DELETED:
        commentable, added = set(), set()
    return ChangedFile(
        path=path,
        previous_path=previous,
        status=status,
        hunks=tuple(hunks),
        commentable_lines=frozenset(commentable),
        added_lines=frozenset(added),
        mode_changed="old mode " in info and "new mode " in info,
        is_binary=status is FileStatus.BINARY,
    )


# Files of one diff that are read; those past it are listed as skipped, unparsed. GitHub
# lists at most 3,000 files of a pull request: a diff with more is not a pull request's,
# and parsing and selecting 100,000 files took minutes before any file was reviewed.
MAX_DIFF_FILES = 3_000


@dataclass
class DiffRead:
    files: list[ChangedFile]
    # Files past `MAX_DIFF_FILES`, by the path their header names.
    skipped: list[SkippedFile] = field(default_factory=list)
    limit: int = MAX_DIFF_FILES

    def note(self) -> str | None:
        if not self.skipped:
            return None
        return (
            f"Not reviewed: {len(self.skipped):,} files past the first {self.limit:,} "
            f"of the diff (from {self.skipped[0].path[:200]!r} on); a review reads at most "
            f"{self.limit:,} files."
        )


def _header_path(lines: list[str], start: int, end: int) -> str:
    """The path a file's header names, without parsing the file: the new name, else the
    old one (a deleted file), else the `diff --git` line's second name."""
    old = ""
    for line in lines[start : min(end, start + 12)]:
        if line.startswith("@@"):
            break
        if line.startswith("rename to "):
            return unquote_path(line[len("rename to ") :])
        if line.startswith(("+++ ", "--- ")):
            name = line[4:]
            name = unquote_path(name) if name.startswith('"') else name.split("\t")[0]
            if name == "/dev/null":
                continue
            if name.startswith(("a/", "b/")):
                name = name[2:]
            if line[0] == "+":
                return name
            old = old or name
    if old:
        return old
    first = lines[start]
    if first.startswith("diff --git ") and " b/" in first:
        name = first.rsplit(" b/", 1)[1]
        return unquote_path('"' + name) if name.endswith('"') else name
    return first[:200]


def read_diff(raw: bytes | str, max_files: int = MAX_DIFF_FILES) -> DiffRead:
    """Parse a unified diff, reading at most `max_files` files; the rest are skipped with
    the reason. Empty input gives no files; broken input raises `DiffError`."""
    text = decode(raw)
    if not text.strip():
        return DiffRead([])
    if "\r" in text and "\n" not in text.rstrip("\n"):
        # Lines ended by CR alone (classic Mac OS, or a transport that rewrote the ends).
        # Not converted: a real diff may hold a lone CR inside a changed line, so
        # turning CRs into line ends would change content and shift line numbers.
        raise DiffError(_CR_ONLY, 1)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    try:
        starts = _check_structure(lines)
    except DiffError as exc:
        bare_cr = _BARE_CR_HEADER.search(text)
        if bare_cr is None or str(exc).endswith(_CR_ONLY):
            raise
        # A hunk cut short where the line ends turn into lone CRs: that is the cause.
        raise DiffError(_CR_ONLY, text.count("\n", 0, bare_cr.start()) + 1) from None
    skipped: list[SkippedFile] = []
    if len(starts) > max_files:
        reason = f"past the first {max_files:,} files of the diff (not read)"
        bounds = [*starts[max_files:], len(lines)]
        skipped = [
            SkippedFile(path=_header_path(lines, at, end), reason=reason)
            for at, end in zip(bounds, bounds[1:], strict=False)
        ]
        text = "\n".join(lines[: starts[max_files]]) + "\n"
    try:
        patch = PatchSet(text)
    except UnidiffParseError as exc:
        raise DiffError(f"not a valid unified diff ({exc})") from None
    if not len(patch):
        first = next((i for i, ln in enumerate(lines, 1) if ln.strip()), 1)
        raise DiffError("no file headers ('diff --git' or '---'/'+++') found", first)
    return DiffRead([_to_changed_file(patched) for patched in patch], skipped, max_files)


def parse_diff(raw: bytes | str) -> list[ChangedFile]:
    """The files `read_diff` reads (at most `MAX_DIFF_FILES`; callers that report what
    was skipped use `read_diff`)."""
    return read_diff(raw).files


def added_file(path: str, content: str) -> ChangedFile:
    """A file as a change that adds it whole: every line added, content known."""
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    diff_lines = tuple(
        DiffLine(type=LineType.ADDED, text=text, new_no=n) for n, text in enumerate(lines, 1)
    )
    numbers = frozenset(range(1, len(lines) + 1))
    hunk = Hunk(old_start=0, old_length=0, new_start=1, new_length=len(lines), lines=diff_lines)
    return ChangedFile(
        path=path,
        status=FileStatus.ADDED,
        hunks=(hunk,) if lines else (),
        commentable_lines=numbers,
        added_lines=numbers,
        content=content,
    )

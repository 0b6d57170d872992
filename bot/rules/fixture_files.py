"""Rule fixtures as real source files: `tests/rules/<rule-id>/<lang>[-n].<ext>`.

A fixture is the file a rule is run on, plus marker lines in that language's
comment syntax, which are taken out before the rule runs (so line numbers and
code are exactly what the rule sees):

- `<c> bastion-fixture: <path>` first: the path the file is reviewed under
  (a migration is only a migration under `db/migrate/`);
- `<c> expect: <rule-id>` right above each line the rule must flag;
- `<c> ok: <rule-id>` in a negative fixture: nothing in it may be flagged.

Negative fixtures are named `<lang>-ok[-n].<ext>`. A rule that compares versions
reads the pre-change file from `<name>.base.<ext>` beside the fixture. A rule that
needs the repository's schema reads it from files beside the fixture named with
`.repo.` (`schema.repo.rb`, with its own `bastion-fixture:` path), each named in the
fixture by a `<c> bastion-repo: <file name>` line: unchanged files of the repository.
A `<c> bastion-changed: <file name>` line names such a file that is part of the same
change instead (the migration adding the column the fixture's query filters on); only
the fixture's own findings count.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot import lazyre as re
from bot.select import language_of

_COMMENT_BY_EXT = {
    "sql": "--",
    "js": "//",
    "mjs": "//",
    "cjs": "//",
    "ts": "//",
    "tsx": "//",
    "jsx": "//",
    "go": "//",
    "java": "//",
    "kt": "//",
    "kts": "//",
    "php": "//",
    "prisma": "//",
    "proto": "//",
    "cs": "//",
    "rs": "//",
    # JSON has no comments; the marker lines are removed before the file is read.
    "json": "//",
}
_MARKER = re.compile(
    r"^\s*(?:#|--|//)\s*(bastion-fixture|bastion-repo|bastion-changed|expect|ok):\s*(\S*)\s*$"
)


def comment_prefix(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return _COMMENT_BY_EXT.get(ext, "#")


def extension(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else "txt"


def language_label(path: str) -> str:
    """The language part of a fixture's file name: the reviewed path's language."""
    return language_of(path) or extension(path)


@dataclass(frozen=True)
class Fixture:
    rule: str
    file: Path
    path: str  # the path it is reviewed under
    code: str
    lines: tuple[int, ...]
    negative: bool
    base: str | None = None
    repo: tuple[tuple[str, str], ...] = ()  # (path, text) of unchanged repository files
    changed: tuple[tuple[str, str], ...] = ()  # (path, text) of the change's other files

    @property
    def language(self) -> str:
        return language_label(self.path)


def render(rule: str, path: str, code: str, lines: tuple[int, ...] = ()) -> str:
    """A fixture file's text: `code` with its markers (none flagged: a negative one)."""
    c = comment_prefix(path)
    rows = code.split("\n")
    out = [f"{c} bastion-fixture: {path}"]
    if not lines:
        out.append(f"{c} ok: {rule}")
    wanted = set(lines)
    for number, row in enumerate(rows, start=1):
        if number in wanted:
            out.append(f"{c} expect: {rule}")
        out.append(row)
    for number in sorted(n for n in wanted if n > len(rows)):
        raise ValueError(f"{rule}: line {number} is past the end of {path}")
    return "\n".join(out)


def parse(rule: str, file: Path) -> Fixture:
    text = file.read_text(encoding="utf-8")
    path: str | None = None
    rows: list[str] = []
    lines: list[int] = []
    negative = False
    repo: list[tuple[str, str]] = []
    changed: list[tuple[str, str]] = []
    for row in text.split("\n"):
        marker = _MARKER.match(row)
        if marker is None:
            rows.append(row)
            continue
        kind, value = marker.groups()
        if kind == "bastion-fixture":
            path = value
        elif kind in {"bastion-repo", "bastion-changed"}:
            (repo if kind == "bastion-repo" else changed).append(_repo_file(file.with_name(value)))
        elif value != rule:
            raise ValueError(f"{file}: a marker names {value!r}, the folder is {rule!r}")
        elif kind == "expect":
            lines.append(len(rows) + 1)
        else:
            negative = True
    if path is None:
        raise ValueError(f"{file}: no `bastion-fixture: <path>` line")
    if negative == bool(lines):
        raise ValueError(f"{file}: needs `expect:` markers or one `ok:` marker, not both")
    base_file = file.with_name(file.name.replace(".", ".base.", 1))
    base = base_file.read_text(encoding="utf-8") if base_file.is_file() else None
    code = "\n".join(rows)
    return Fixture(
        rule, file, path, code, tuple(lines), negative, base, tuple(repo), tuple(changed)
    )


def _repo_file(file: Path) -> tuple[str, str]:
    """(path, text) of a `.repo.` file: its `bastion-fixture:` line gives the path."""
    if ".repo." not in file.name or not file.is_file():
        raise ValueError(f"{file}: a `bastion-repo:` or `bastion-changed:` file is a `.repo.` file")
    first, _, rest = file.read_text(encoding="utf-8").partition("\n")
    marker = _MARKER.match(first)
    if marker is None or marker.group(1) != "bastion-fixture":
        raise ValueError(f"{file}: no `bastion-fixture: <path>` first line")
    return marker.group(2), rest


def fixture_files(root: Path) -> list[tuple[str, Path]]:
    """(rule id, fixture file) for every fixture under `root` (tests/rules)."""
    return [
        (folder.name, file)
        for folder in sorted(p for p in root.iterdir() if p.is_dir())
        for file in sorted(folder.iterdir())
        if file.is_file() and ".base." not in file.name and ".repo." not in file.name
    ]


def file_name(path: str, negative: bool, n: int) -> str:
    """`python.py`, `python-2.py`, `python-ok.py` ... for the n-th (0-based) case."""
    stem = language_label(path) + ("-ok" if negative else "")
    return f"{stem}{'' if n == 0 else f'-{n + 1}'}.{extension(path)}"

"""The labelled taint fixtures: each sink line says `expect: <rule-id>` or `ok`.

Shared by the tests and `bench/security_bench.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.diff import added_file
from bot.models import ChangedFile
from bot.select import select_backend

FIXTURES = Path(__file__).parent / "fixtures" / "taint"
_MARK = re.compile(r"(?:#|//)\s*(expect: ([a-z0-9-]{1,60})|ok)\s*$")
# Where each kind of file would live in a repository, so selection keeps it.
_HOME = {
    ".py": "app/",
    ".js": "server/routes/",
    ".ts": "server/src/",
    ".java": "src/main/java/demo/",
    ".go": "internal/handlers/",
    ".rb": "app/controllers/",
    ".php": "app/Http/Controllers/",
    ".kt": "src/main/kotlin/demo/",
    ".cs": "src/Api/Controllers/",
    ".scala": "app/controllers/",
}
LANGUAGE = {
    ".py": "python",
    ".js": "javascript",
    ".ts": "typescript",
    ".java": "java",
    ".go": "go",
    ".rb": "ruby",
    ".php": "php",
    ".kt": "kotlin",
    ".cs": "csharp",
    ".scala": "scala",
}


@dataclass(frozen=True)
class Labelled:
    name: str
    language: str
    expected: dict[int, str]  # line -> rule id that must be reported there
    safe: frozenset[int]  # look-alike lines that must stay silent

    def changed_file(self) -> ChangedFile:
        path = FIXTURES / self.name
        suffix = path.suffix
        kept, skipped = select_backend([added_file(_HOME[suffix] + self.name, path.read_text())])
        if not kept:
            raise AssertionError(f"{self.name} not selected: {skipped[0].reason}")
        return kept[0]


def labelled() -> list[Labelled]:
    out: list[Labelled] = []
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix not in LANGUAGE:
            continue
        expected: dict[int, str] = {}
        safe: set[int] = set()
        for number, text in enumerate(path.read_text().split("\n"), 1):
            match = _MARK.search(text)
            if match is None:
                continue
            if match.group(2):
                expected[number] = match.group(2)
            else:
                safe.add(number)
        out.append(Labelled(path.name, LANGUAGE[path.suffix], expected, frozenset(safe)))
    return out

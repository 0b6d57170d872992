"""Whether the project's own deploy script releases the new code before it migrates.

`bin/deploy` doing `git push heroku main`, then `heroku run rake db:migrate`, then
`heroku restart`: when the migration runs, only the new release serves. A DROP of a table
or column then breaks nothing that is still running, as long as the new release no longer
reads it (which the drop rules check apart); a rename, on the contrary, is read by the new
code under its new name before it exists, so only drops are concerned.

Read from the script alone, by its path and the order of its commands; a script that
migrates first (a release phase, `cap deploy:migrations`) or that says nothing is no
evidence. Pure: paths and texts in, the script's path or None out.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath

from bot import lazyre as re

_NAMES = frozenset({"deploy", "deploy.sh", "deploy.bash", "release", "release.sh"})
_DIRS = frozenset({"bin", "script", "scripts", "deploy", "ops", "tools"})
# Commands that put new code in service: a git push to the platform, its deploy command.
_RELEASE = re.compile(
    r"^[ \t]*(?:git\s+push\b|fly(?:ctl)?\s+deploy\b|heroku\s+container:release\b"
    r"|dokku\s+deploy\b|kamal\s+deploy\b|cf\s+push\b|gcloud\s+app\s+deploy\b)",
    re.MULTILINE,
)
_MIGRATE = re.compile(
    r"^[ \t]*(?:heroku\s+run\s+|fly(?:ctl)?\s+ssh\s+console\s+-C\s+[\"']?|kamal\s+app\s+exec\s+"
    r"[\"']?)?(?:bundle\s+exec\s+)?(?:bin/)?(?:rake|rails)\s+db:migrate\b"
    r"|^[ \t]*(?:heroku\s+run\s+)?python3?\s+manage\.py\s+migrate\b"
    r"|^[ \t]*(?:heroku\s+run\s+)?(?:php\s+)?artisan\s+migrate\b",
    re.MULTILINE,
)


def candidate(path: str) -> bool:
    """Whether a path may be the project's deploy script (path alone)."""
    p = PurePosixPath(path)
    dirs = [d.lower() for d in p.parts[:-1]]
    return len(dirs) <= 1 and p.name.lower() in _NAMES and (not dirs or dirs[0] in _DIRS)


def code_first(texts: Mapping[str, str]) -> str | None:
    """The deploy script that releases the code before it runs the migrations, or None."""
    for path in sorted(texts):
        if not candidate(path):
            continue
        code = "\n".join(
            row for row in texts[path].splitlines() if not row.lstrip().startswith("#")
        )
        release = _RELEASE.search(code)
        migrate = _MIGRATE.search(code)
        if release is not None and migrate is not None and release.start() < migrate.start():
            return path
    return None


def note(path: str) -> str:
    return (
        f"`{path}` releases the new code before it migrates: when this runs, only the new "
        "release is serving, so the drop matters only if that release still reads it."
    )

"""Command-line scripts: developer and maintenance tools run from a shell or a scheduler,
whose inputs are the operator's arguments and the repository's own files, not a remote
request, and whose hang or crash stops one run rather than a server's workers."""

from __future__ import annotations

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.lib.code_text import code_text

# Folders of scripts (`cli/`, `bin/`, `scripts/`, `tools/`, Rails' `script/` and
# `lib/tasks/`, Django's `management/commands/`, Laravel's `Console/Commands/`, Symfony's
# `src/Command/`) and the modules a CLI framework's commands live in by name
# (`commands.py` of click/Flask-Script, `cli.py`).
_CLI_PATH = re.compile(
    r"(?:^|/)(?:cli|bin|scripts?|tools)/|(?:^|/)management/commands/"
    r"|(?:^|/)Console/Commands/|(?:^|/)src/Command/|(?:^|/)lib/tasks/"
    r"|(?:^|/)(?:commands|cli)\.py$"
)


# A Python module of typer or click commands (`@app.command()` on a `typer.Typer()`,
# `@click.command()`), wherever it lives (`appointment/commands/download_legal.py`).
_PY_COMMAND = re.compile(
    r"^[ \t]*(?:import[ \t]+(?:typer|click)\b|from[ \t]+(?:typer|click)[ \t]+import\b)",
    re.MULTILINE,
)
_PY_COMMAND_USE = re.compile(r"@(?:\w+\.)?command\s*\(|\btyper\.run\s*\(")

_GO_MAIN = re.compile(r"^package\s+main\b", re.MULTILINE)
# A command of a Go CLI framework: `&cobra.Command{`, urfave/cli's `&cli.Command{`.
_GO_COMMAND = re.compile(r"&(?:cobra|cli)\.Command\s*\{")


def command_line_only(file: ChangedFile) -> bool:
    """A file of a command-line script folder or module that shows no web request input
    (nothing the taint engine's sources for its language could read)."""
    text_seen = file.visible_text()
    if file.language == "go" and _GO_COMMAND.search(text_seen):
        pass  # a cobra or urfave/cli command (`hanko user import`), wherever it lives
    elif (
        file.language == "python"
        and _PY_COMMAND.search(text_seen)
        and _PY_COMMAND_USE.search(text_seen)
    ):
        pass  # a typer or click command module
    elif not _CLI_PATH.search(file.path.replace("\\", "/")):
        return False
    elif file.language == "go" and not _GO_MAIN.search(file.visible_text()):
        return False  # a library package named `tools` (pocketbase's `tools/auth`), no program
    # The taint package imports the rule engine, which asks this module: imported here.
    from bot.rules.taint import spec

    request = spec.load(file.language or "").hint
    if not request:
        return True
    text = code_text(file)
    # Python's hint is the bare word `request`, which the `requests` library also spells.
    return not any(
        not (m.group() == "request" and text[m.end() : m.end() + 1] == "s")
        for m in re.finditer(request, text)
    )

"""Checks the flow engine cannot read: a call named for a check that is given the input.

`if not is_allowed_target(url): abort(403)`, `validatePath(name);`,
`err := checkAccess(user, file); if err != nil { return err }`: the project tests the
value with its own code before the sink. The engine knows many checks by their shape
(allow-lists, prefix and containment tests, known validators); for any other the
verdict depends on what that code lets through, which the change may not show and the
engine does not judge. Such a flow is still reported, with the check named, in the
summary: an inline claim of injection beside a check would be a guess.

Only the call's name decides, by its words (`is_safe_path`, `validateRedirectUri`,
`ensureInside`, `checkPermission`). Presence and emptiness tests (`checkNotNull`,
`validate_presence_of`), checksums, checkouts and the sinks that carry a check word
(`mark_safe`, `bypassSecurityTrustHtml`, `html_safe`) are not checks of the value's
content.
"""

from __future__ import annotations

from functools import lru_cache

from bot.rules.lib.scopes import words

# The mark an origin carries once such a call was given it (in `Origin.cleared`, which
# holds sink classes; no class starts with "?"): line first, so the earliest sorts first.
MARK = "?checked:"


_CHECK_TEXT = """
    valid validate validated validates validator validation validity
    verify verified verifies verifier verification
    check checks checked checker
    allow allowed allows allowlist allowlisted whitelist whitelisted permitted
    sanitize sanitise sanitized sanitised sanitizer sanitiser
    safe trusted inside within confine confined restrict restricted
    authorize authorise authorized authorised authorization authorisation
    ensure ensures assert asserts guard
"""
CHECK_WORDS = frozenset(_CHECK_TEXT.split())
# Words that make a check-worded name something else: a presence or emptiness test, a
# checksum or checkout, or a sink whose name says it trusts the value.
_NOT_CHECK_TEXT = """
    null nil none empty blank present presence exists exist
    checksum checkout checkbox checkpoint
    mark bypass unsafe insecure untrusted raw html markup
"""
NOT_CHECK_WORDS = frozenset(_NOT_CHECK_TEXT.split())


@lru_cache(maxsize=4096)
def is_check_name(callee: str) -> bool:
    """Whether the last name of `callee` reads as a check of a value's content."""
    found = words(callee.replace("::", ".").rsplit(".", 1)[-1])
    return (
        bool(found)
        and not NOT_CHECK_WORDS.intersection(found)
        and bool(CHECK_WORDS.intersection(found))
    )


def mark(callee: str, line: int) -> str:
    return f"{MARK}{line:07d}:{callee}"


def read_mark(token: str) -> tuple[str, int]:
    """(callee, line) of a mark."""
    line, _, callee = token[len(MARK) :].partition(":")
    return callee, int(line)


def first_mark(cleared_sets: list[frozenset[str]]) -> tuple[str, int] | None:
    """The earliest check every one of a flow's origins went through (each its own is
    enough), or None when some origin reached the sink unchecked."""
    if not cleared_sets:
        return None
    firsts: list[str] = []
    for cleared in cleared_sets:
        marks = sorted(t for t in cleared if t.startswith(MARK))
        if not marks:
            return None
        firsts.append(marks[0])
    return read_mark(min(firsts))


NOTE = (
    "`{callee}()` is given the value on line {line}, before the sink: a check the rules do "
    "not read. If it confines the value (an allow-list, a host or containment check), "
    "nothing is left to do; if it only tests presence or format, this is a real flow. "
    "Noted in the summary."
)

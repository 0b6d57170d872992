"""Breaking changes to the API that route code declares (`route-breaking-change`).

Most services have no committed API description: the contract is the code. The
extractor (`bot.routes_contract`) reads each endpoint's method, path, parameters and
request/response fields from both versions of every route file of the change; the
diff reports what breaks callers. It is a batch check because a handler moved to
another file of the same change is not a removed endpoint.

Something removed has no line in the new file: it is reported on an added line of the
same hunk when there is one (a rename), else on the nearest added line with a note,
else — the change only deleted lines — as a file-level finding for the summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from bot.models import Category, ChangedFile, FileKind, FileStatus, LineType, Severity
from bot.routes_contract import LANGUAGES, declares_routes, extract
from bot.routes_contract.diff import CHECK_IDS, Change, Version, compare
from bot.routes_contract.model import Contract
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.select import is_test_path

RULE_ID = "route-breaking-change"


def _placed(file: ChangedFile, base_line: int) -> tuple[int, str, bool]:
    """(line, note, file_level) for something that was on `base_line` and is gone."""
    for hunk in file.hunks:
        if not hunk.old_start <= base_line < hunk.old_start + max(hunk.old_length, 1):
            continue
        rows = list(hunk.lines)
        at = next((i for i, r in enumerate(rows) if r.old_no == base_line), 0)
        added = [(abs(i - at), r.new_no) for i, r in enumerate(rows) if r.type is LineType.ADDED]
        if added:
            line = min(added)[1]
            assert line is not None
            return line, "", False
        following = next((r.new_no for r in rows[at:] if r.new_no is not None), hunk.new_start)
        return _nearest(file, following)
    return _nearest(file, base_line)


def _nearest(file: ChangedFile, line: int) -> tuple[int, str, bool]:
    if not file.added_lines:
        note = " (The change only removed lines: no line to comment on.)"
        return max(line, 1), note, True
    target = min(file.added_lines, key=lambda n: (abs(n - line), n))
    return target, f" (Reported on the nearest changed line; it was near line {line}.)", False


def _hits(changes: list[Change], by_path: dict[str, ChangedFile]) -> Iterator[Hit]:
    """One hit per file and line: the engine keeps one finding per rule and line."""
    grouped: dict[tuple[str, int], list[tuple[Change, str]]] = {}
    file_level: set[tuple[str, int]] = set()
    for change in changes:
        file = by_path.get(change.path)
        if file is None:
            continue
        if not change.line:
            line, note, whole = _placed(file, change.removed_line)
        elif change.line in file.added_lines:
            line, note, whole = change.line, "", False
        else:  # caused elsewhere (a DRF `lookup_field`, a class-level prefix)
            line, note, whole = _nearest(file, change.line)
        grouped.setdefault((change.path, line), []).append((change, note))
        if whole:
            file_level.add((change.path, line))
    for (path, line), items in sorted(grouped.items()):
        first = items[0][0]
        title = first.title
        if len(items) > 1:
            title += f" (and {len(items) - 1} more breaking change(s))"
        detail = "\n".join(f"- Check `{c.check}`: {c.title}. {c.detail}{note}" for c, note in items)
        yield Hit(
            RULE_ID,
            path,
            line,
            title=title,
            detail=detail,
            file_level=(path, line) in file_level,
        )


def _head_text(file: ChangedFile) -> str | None:
    if file.content is not None:
        return file.content
    return file.visible_text() if file.status is FileStatus.ADDED else None


class RouteContract(Check):
    name = "route-contract"
    languages = LANGUAGES
    kinds = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
    batch = True

    def __init__(self, rule: Rule) -> None:
        self.rules = (rule,)

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        files = [f for f in files if not is_test_path(f.path)]
        compared = [f for f in files if f.base_content is not None and _head_text(f) is not None]
        if not compared:
            return []
        versions: list[Version] = []
        for file in files:
            head_text = _head_text(file)
            if file in compared:
                assert file.base_content is not None and head_text is not None
                base = extract(file.previous_path or file.path, file.base_content)
                head = extract(file.path, head_text)
            elif head_text is not None and declares_routes(file.path, head_text):
                # Only where endpoints may have moved to, or types may live.
                base = Contract() if file.status is FileStatus.ADDED else None
                head = extract(file.path, head_text)
            else:
                continue
            versions.append(Version(file.path, base, head))
        by_path = {f.path: f for f in files}
        return list(_hits(compare(versions), by_path))


_FASTAPI_BASE = (
    "from fastapi import APIRouter\n"
    "from pydantic import BaseModel\n"
    "\n"
    'router = APIRouter(prefix="/users")\n'
    "\n"
    "\n"
    "class UserIn(BaseModel):\n"
    "    name: str\n"
    "    nickname: str | None = None\n"
    "\n"
    "\n"
    "class UserOut(BaseModel):\n"
    "    id: int\n"
    "    name: str\n"
    "    email: str\n"
    "\n"
    "\n"
    '@router.post("", response_model=UserOut, status_code=201)\n'
    "def create_user(user: UserIn) -> UserOut:\n"
    "    return service.create(user)\n"
    "\n"
    "\n"
    '@router.get("/{user_id}", response_model=UserOut)\n'
    "def read_user(user_id: int) -> UserOut:\n"
    "    return service.get(user_id)\n"
)
_EXPRESS_BASE = (
    "const express = require('express');\n"
    "const router = express.Router();\n"
    "\n"
    "router.get('/orders/:orderId', async (req, res) => {\n"
    "  const order = await orders.find(req.params.orderId);\n"
    "  res.json({ id: order.id, total: order.total, status: order.status });\n"
    "});\n"
    "\n"
    "router.delete('/orders/:orderId', async (req, res) => {\n"
    "  await orders.cancel(req.params.orderId);\n"
    "  res.sendStatus(204);\n"
    "});\n"
    "\n"
    "module.exports = router;\n"
)

RULE = Rule(
    id=RULE_ID,
    category=Category.API_DESIGN,
    severity=Severity.HIGH,
    title="Breaking change to an endpoint the code declares",
    rationale=(
        "The routes in the code are the API's contract even when no OpenAPI file is "
        "committed: mobile apps in users' pockets, partner integrations and generated SDKs "
        "were built against the old shape. A removed endpoint answers 404, a body field "
        "that became required turns every old request into a 422, a response field that "
        "disappeared becomes `undefined` in a client that still reads it. None of this "
        "shows in the server's own tests, which were changed with it. Checks: "
        + ", ".join(f"`{c}`" for c in CHECK_IDS)
        + "."
    ),
    fix=(
        "Keep the old shape working while callers move: leave the endpoint (deprecated, "
        "with a sunset date) or add the new one next to it, give a new field a default, "
        "keep a removed response field until no client reads it — or ship the change as "
        "a new API version."
    ),
    languages=tuple(sorted(LANGUAGES)),
    positive=(
        RuleCase(
            path="app/api/users.py",
            base=_FASTAPI_BASE,
            code=_FASTAPI_BASE.replace("    email: str\n", "")
            .replace("    nickname: str | None = None\n", "    nickname: str\n")
            .replace("/{user_id}", "/{uid}")
            .replace("read_user(user_id: int)", "read_user(uid: int)")
            .replace("service.get(user_id)", "service.get(uid)"),
            # nickname required (9); path parameter renamed (22); email gone (was 15).
            lines=(9, 15, 22),
        ),
        RuleCase(
            path="src/routes/orders.js",
            base=_EXPRESS_BASE,
            code=_EXPRESS_BASE.replace(", status: order.status", "").replace(
                "router.delete('/orders/:orderId'", "router.delete('/orders/:orderId/cancel'"
            ),
            lines=(6, 9),
        ),
    ),
    negative=(
        RuleCase(
            path="app/api/users.py",
            base=_FASTAPI_BASE,
            # Handler renamed, fields reordered, an optional field added: same contract.
            code=_FASTAPI_BASE.replace("create_user", "add_user")
            .replace(
                "    id: int\n    name: str\n    email: str\n",
                "    email: str\n    id: int\n    name: str\n    avatar: str | None = None\n",
            )
            .replace(
                "    nickname: str | None = None\n",
                "    nickname: str | None = None\n    locale: str = 'en'\n",
            ),
        ),
        RuleCase(
            path="src/routes/orders.js",
            base=_EXPRESS_BASE,
            code=_EXPRESS_BASE.replace(
                "  res.json({ id: order.id, total: order.total, status: order.status });\n",
                "  const { id, total, status } = order;\n"
                "  res.json({ status, id, total, currency: 'EUR' });\n",
            ),
        ),
    ),
)

CHECKS: list[Check] = [RouteContract(RULE)]

"""The sink pre-filter: a file with request input but no call that could be a sink is
not parsed for flows; any sink name, sink assignment or (Python) handler keeps it."""

from __future__ import annotations

from bot.diff import added_file as _added
from bot.models import ChangedFile
from bot.rules.taint.api import file_flows, has_candidate_sink
from bot.select import select_backend

EXPRESS = "const express = require('express');\n"


def added_file(path: str, code: str) -> ChangedFile:
    kept, skipped = select_backend([_added(path, code)])
    assert kept, skipped
    return kept[0]


def test_file_without_any_sink_name_is_skipped() -> None:
    code = "const express = require('express');\nfunction f(req) {\n  return req.query.a + 1;\n}\n"
    file = added_file("server/calc.js", code)
    assert not has_candidate_sink(file)
    assert file_flows(file) == []


def test_sink_call_assignment_or_handler_keeps_the_file() -> None:
    js = EXPRESS + "function f(req, res) {\n  res.send('<b>' + req.query.a);\n}\n"
    koa = EXPRESS + "function f(ctx) {\n  ctx.body = '<b>' + ctx.query.a;\n}\n"
    flask = (
        "from flask import request\n\n@app.get('/x')\ndef view():\n"
        "    return f'<b>{request.args[\"a\"]}</b>'\n"
    )
    java = 'class A {\n  void f() {\n    new ProcessBuilder("sh", "-c", x);\n  }\n}\n'
    assert has_candidate_sink(added_file("server/a.js", js))
    assert has_candidate_sink(added_file("server/b.js", koa))
    assert has_candidate_sink(added_file("app/views.py", flask))
    assert has_candidate_sink(added_file("src/main/java/A.java", java))
    assert [f.rule for f in file_flows(added_file("app/views.py", flask))] == ["reflected-xss"]


def test_a_name_inside_a_longer_word_is_not_a_sink() -> None:
    code = EXPRESS + "function f(req) {\n  return evaluated(req.query.a) + myexec;\n}\n"
    assert not has_candidate_sink(added_file("server/c.js", code))

"""JS SQL shapes the flow engine must tell apart: placeholders made from an input's
length, and generic `query`/`run` methods that are not a database call."""

from __future__ import annotations

from rule_helpers import flagged, review_new

HEAD = "const express = require('express');\nrouter.get('/u', async (req, res) => {\n"


def _lines(body: str) -> list[int]:
    return flagged(review_new("server/users.js", HEAD + body + "});\n", "sql-injection"))


def test_placeholders_built_from_the_inputs_length_are_not_injection() -> None:
    body = (
        "  const ids = req.query.ids.split(',');\n"
        "  const marks = ids.map(() => '?').join(',');\n"
        "  await db.query(`SELECT * FROM users WHERE id IN (${marks})`, ids);\n"
        "  const nums = ids.map((_, i) => `$${i + 1}`).join(', ');\n"
        "  await pool.query('SELECT * FROM t WHERE id IN (' + nums + ')', ids);\n"
    )
    assert _lines(body) == []


def test_a_map_that_reads_the_element_still_carries_it() -> None:
    body = (
        "  const ids = req.query.ids.split(',');\n"
        "  const quoted = ids.map((id) => `'${id}'`).join(',');\n"
        "  await db.query(`SELECT * FROM users WHERE id IN (${quoted})`);\n"
    )
    assert _lines(body) == [5]


def test_generic_query_method_needs_a_database_receiver_or_sql_text() -> None:
    body = (
        "  const hits = await searchIndex.query(req.query.q);\n"
        "  const job = await scheduler.run(req.body.task);\n"
        "  const a = await readPool.query(req.query.sql);\n"
        "  const b = await api.query(`SELECT * FROM t WHERE a = '${req.query.a}'`);\n"
        "  const c = await ctx.run(req.query.q);\n"
    )
    assert _lines(body) == [5, 6]

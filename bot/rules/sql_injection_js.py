r"""Request input that reaches a JS/TS database call as SQL text (`js-sql-injection`).

The claim is about request input, so it comes from `bot.rules.taint`'s flows: a value
from `req.query`/`req.body`/... (or a parameter a NestJS handler binds to the request)
spliced into the SQL of `query`, `raw`, `whereRaw`, `$queryRawUnsafe`, ... A string
built only from internal values (a generated table name, an identifier the ORM gives,
a sort order picked from an allow-list) is not injection, and a tagged template
(`prisma.$queryRaw\`…\``, `sql\`…\``) binds its values as parameters.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.taint.api import flow_hits

RULE_ID = "js-sql-injection"

RULE = Rule(
    id=RULE_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="SQL built by string interpolation is passed to a query call",
    rationale=(
        "The value is pasted into the SQL text, so whoever controls it controls the "
        "statement: a request carrying `1 OR 1=1` reads every row, `1; DROP TABLE users` "
        "runs if the driver allows multiple statements, and a quote in an ordinary name "
        "(`O'Brien`) turns into a 500. The database also sees a different statement for "
        "every value, so it cannot reuse a prepared plan."
    ),
    fix=(
        "Keep the SQL text constant and pass the values separately: "
        "`db.query('SELECT * FROM users WHERE id = $1', [id])` (pg), `?` placeholders "
        "with an array for mysql2 and `knex.raw`/`whereRaw`, `replacements` or `bind` for "
        "`sequelize.query`, and Prisma's tagged `$queryRaw\\`… ${id}\\`` instead of "
        "`$queryRawUnsafe`. Identifiers (table or column names) cannot be parameters: "
        "pick them from a fixed allow-list."
    ),
    languages=("javascript", "typescript"),
    positive=(
        RuleCase(
            path="src/routes/users.js",
            code=(
                "const { Pool } = require('pg');\n"
                "const pool = new Pool();\n"
                "app.get('/users/:id', async (req, res) => {\n"
                "  const r = await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`);\n"
                "  res.json(r.rows[0]);\n"
                "});\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="src/routes/orders.ts",
            code=(
                "import { PrismaClient } from '@prisma/client';\n"
                "const prisma = new PrismaClient();\n"
                "router.get('/orders', async (req, res) => {\n"
                "  const status = req.query.status;\n"
                '  const sql = "SELECT * FROM orders WHERE status = \'" + status + "\'";\n'
                "  res.json(await prisma.$queryRawUnsafe(sql));\n"
                "});\n"
            ),
            lines=(6,),
        ),
        RuleCase(
            path="src/routes/report.js",
            code=(
                "const knex = require('knex')({ client: 'pg' });\n"
                "app.get('/report', async (req, res) => {\n"
                "  const { col } = req.query;\n"
                "  res.json(await knex('sales').select(knex.raw(`sum(${col})`)));\n"
                "});\n"
            ),
            lines=(4,),
        ),
    ),
    negative=(
        RuleCase(
            path="src/routes/users.js",
            code=(
                "const { Pool } = require('pg');\n"
                "const pool = new Pool();\n"
                "const TABLE = 'users';\n"
                "app.get('/users/:id', async (req, res) => {\n"
                "  const id = req.params.id;\n"
                "  await pool.query('SELECT * FROM users WHERE id = $1', [id]);\n"
                "  await pool.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);\n"
                "  const dir = req.query.desc ? 'DESC' : 'ASC';\n"
                "  res.json(await pool.query(`SELECT * FROM users WHERE id = ? ORDER BY id ${dir}`, [id]));\n"  # noqa: E501
                "});\n"
            ),
        ),
        # The false alarms of real commits: identifiers the ORM gives, a generated table
        # name, a helper's parameter (its callers decide what reaches it).
        RuleCase(
            path="src/db/tags.ts",
            code=(
                "export async function tagged(sequelize: any, Tag: any, id: number) {\n"
                "  const table = Tag.getTableName();\n"
                "  return sequelize.query(`SELECT * FROM ${table} WHERE id = ?`, { replacements: [id] });\n"  # noqa: E501
                "}\n"
                "export async function rotate(db: any, day: string) {\n"
                "  await db.raw(`CREATE TABLE IF NOT EXISTS events_${day} (LIKE events)`);\n"
                "}\n"
                "export function byName(db: any, name: string) {\n"
                "  return db.query('SELECT id FROM users WHERE name = ' + name);\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="src/routes/orders.ts",
            code=(
                "import { PrismaClient } from '@prisma/client';\n"
                "import sql from 'sql-template-strings';\n"
                "const prisma = new PrismaClient();\n"
                "router.get('/orders', async (req, res) => {\n"
                "  const status = req.query.status;\n"
                "  await prisma.$queryRaw`SELECT * FROM orders WHERE status = ${status}`;\n"
                "  res.json(await db.query(sql`SELECT * FROM orders WHERE status = ${status}`));\n"
                "});\n"
            ),
        ),
        RuleCase(
            path="test/users.test.js",
            code=(
                "const { Pool } = require('pg');\n"
                "test('drop', async () => {\n"
                "  await pool.query(`DROP TABLE ${req.query.t}`);\n"
                "});\n"
            ),
        ),
    ),
)


class SqlInjectionJs(Check):
    name = "ast-grep:js-sql-injection"
    rules = (RULE,)
    languages = frozenset({"javascript", "typescript"})
    kinds = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA, FileKind.MIGRATION})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        return flow_hits(file, {RULE_ID})  # no flows in test code: nothing is deployed


CHECKS: list[Check] = [SqlInjectionJs()]

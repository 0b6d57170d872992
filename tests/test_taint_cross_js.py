"""Flows across the JavaScript/TypeScript files of one change: a route handler's input
reaching a sink in a function or service of another changed file is reported at that
sink, through the rule engine."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import ChangedFile, Finding
from bot.rules.engine import run_rules
from bot.select import select_backend

INJECTION = {"sql-injection", "command-injection", "ssrf", "path-traversal"}

CONTROLLER = """import { Controller, Get, Query } from '@nestjs/common';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly usersService: UsersService) {}

  @Get('search')
  search(@Query('name') name: string) {
    return this.usersService.findByName(name);
  }

  @Get('one')
  one(@Query('id') id: string) {
    return this.usersService.findById(id);
  }
}
"""

SERVICE = """import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  findByName(name: string) {
    return this.dataSource.query(`SELECT * FROM users WHERE name = '${name}'`);
  }

  findById(id: string) {
    return this.dataSource.query('SELECT * FROM users WHERE id = $1', [id]);
  }
}
"""

ROUTES = """const express = require('express');
const { runReport } = require('../lib/reports');
const files = require('../lib/files');

const router = express.Router();

router.get('/report', (req, res) => {
  res.send(runReport(req.query.kind));
});

router.get('/archive', (req, res) => {
  res.send(files.archive(req.query.day));
});

module.exports = router;
"""

REPORTS = """const { execSync, execFileSync } = require('child_process');

function runReport(kind) {
  return execSync(`./bin/report --kind ${kind}`).toString();
}

function runSafeReport(kind) {
  return execFileSync('./bin/report', ['--kind', kind]).toString();
}

module.exports = { runReport, runSafeReport };
"""

FILES = """const { execSync } = require('child_process');

function archive(day) {
  const stamp = Number.parseInt(day, 10);
  return execSync(`tar czf /tmp/archive-${stamp}.tgz /srv/logs`);
}

module.exports = { archive };
"""


def _files(*pairs: tuple[str, str]) -> list[ChangedFile]:
    kept, _ = select_backend([added_file(path, code) for path, code in pairs])
    assert len(kept) == len(pairs)
    return kept


def _findings(*pairs: tuple[str, str]) -> list[Finding]:
    run = run_rules(_files(*pairs))
    assert not run.errors
    return [f for f in run.findings if f.rule in INJECTION]


def test_nest_controller_input_reaches_sql_in_service() -> None:
    found = _findings(
        ("server/src/users/users.controller.ts", CONTROLLER),
        ("server/src/users/users.service.ts", SERVICE),
    )
    assert [(f.rule, f.path, f.line) for f in found] == [
        ("sql-injection", "server/src/users/users.service.ts", 9)
    ]
    assert "`name`, a parameter of handler `search`" in found[0].title
    assert "server/src/users/users.controller.ts line 9" in found[0].title
    assert "through `findByName`" in found[0].title


def test_express_require_reaches_exec_in_helper_module() -> None:
    found = _findings(
        ("server/routes/reports.js", ROUTES),
        ("server/lib/reports.js", REPORTS),
        ("server/lib/files.js", FILES),
    )
    # `archive` turns the day into a number first: no claim there.
    assert [(f.rule, f.path, f.line) for f in found] == [
        ("command-injection", "server/lib/reports.js", 4)
    ]
    assert "req.query" in found[0].title


def test_module_outside_the_change_is_not_followed() -> None:
    # Only the service changed: nothing says where `name` comes from.
    assert _findings(("server/src/users/users.service.ts", SERVICE)) == []
    # Only the controller changed: the service's body is not in view.
    assert _findings(("server/src/users/users.controller.ts", CONTROLLER)) == []


def test_receiver_named_unlike_the_file_is_not_guessed() -> None:
    other = CONTROLLER.replace("this.usersService.findByName", "this.auditLog.findByName")
    found = _findings(
        ("server/src/users/users.controller.ts", other),
        ("server/src/users/users.service.ts", SERVICE),
    )
    assert found == []


SEARCH_ROUTES = """const express = require('express');
const { lookup } = require('../lib/lookup');

const router = express.Router();

router.post('/widgets/find', async (req, res) => {
  res.json(await lookup(req.body.name));
});

module.exports = router;
"""

LOOKUP = """const Widget = require('../models/{model}');

async function lookup(name) {
  return Widget.findOne({ name });
}

module.exports = { lookup };
"""

MONGOOSE_MODEL = """const mongoose = require('mongoose');

module.exports = mongoose.model('Widget', new mongoose.Schema({ name: String }));
"""

PLAIN_MODEL = """const cache = new Map();

module.exports = { findOne: (where) => cache.get(where.name) };
"""


def _nosql(*pairs: tuple[str, str]) -> list[tuple[str, int, str]]:
    run = run_rules(_files(*pairs))
    assert not run.errors
    return [(f.path, f.line, f.severity.value) for f in run.findings if f.rule == "nosql-injection"]


def test_nosql_store_from_the_model_the_sink_file_imports() -> None:
    found = _nosql(
        ("server/routes/widgets.js", SEARCH_ROUTES),
        ("server/lib/lookup.js", LOOKUP.replace("{model}", "widget")),
        ("server/models/widget.js", MONGOOSE_MODEL),
    )
    assert found == [("server/lib/lookup.js", 4, "high")]


def test_nosql_store_of_an_unrelated_file_of_the_change_is_not_the_sinks() -> None:
    # The sink's model is an in-memory cache; another file of the change uses Mongoose.
    found = _nosql(
        ("server/routes/widgets.js", SEARCH_ROUTES),
        ("server/lib/lookup.js", LOOKUP.replace("{model}", "gadget")),
        ("server/models/gadget.js", PLAIN_MODEL),
        ("server/scripts/backfill.js", MONGOOSE_MODEL),
    )
    assert found == [("server/lib/lookup.js", 4, "info")]


FORM_ROUTE = """const express = require('express');
const { Form } = require('../lib/form');

const router = express.Router();

router.post('/views/save', async (req, res) => {
  const result = new Form().validate(req.body);
  res.json(await View.findOne({ name: result.name }));
});

module.exports = router;
"""

FORM_LIB = """class Form {
  validate(body) {
    return { name: String(body.name || '') };
  }
}

module.exports = { Form };
"""


def test_nosql_summary_note_holds_when_the_change_defines_the_call_it_went_through() -> None:
    # Nothing shows the store; `validate` is defined by another file of the change, which
    # would otherwise put the flow back inline at the rule's severity.
    found = _nosql(("server/routes/views.js", FORM_ROUTE), ("server/lib/form.js", FORM_LIB))
    assert found == [("server/routes/views.js", 8, "info")]

"""The NoSQL-injection finding follows what the change shows of its store."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files
from bot.rules.taint.checks import document_store

_ROUTE = """
async function remove(req, res) {
  const user = await Users.findOne({ name: req.body.name });
  res.json(user);
}
module.exports = { remove };
"""


def _nosql(text: str) -> list[Severity]:
    found = review_files([added_file("server/routes/users.js", text)]).findings
    return [f.severity for f in found if f.rule == "nosql-injection"]


def test_without_any_store_in_sight_the_finding_goes_to_the_summary() -> None:
    assert _nosql(_ROUTE) == [Severity.INFO]


def test_with_mongoose_in_the_file_the_finding_stays_inline() -> None:
    severities = _nosql("const mongoose = require('mongoose');\n" + _ROUTE)
    assert severities and all(s is not Severity.INFO for s in severities)


def test_with_only_an_sql_orm_in_the_file_there_is_no_finding() -> None:
    assert _nosql("const { Sequelize } = require('sequelize');\n" + _ROUTE) == []


def test_store_evidence() -> None:
    assert document_store("import { InjectModel } from '@nestjs/mongoose';") == "mongo"
    assert document_store("x = { email: { $ne: null } }") == "mongo"
    assert document_store("import { Repository } from 'typeorm';") == "sql"
    assert document_store("const t = Table.findOne({ name });") is None


_NEST = """
import { Controller, Get, Query, Req } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';

@Controller('published')
export class PublishedController {
  constructor(@InjectModel('Doc') private docs: any) {}

  @Get('form')
  async form(@Query('pid') pid: string) {
    return this.docs.findOne({ pid });
  }

  @Get('mine')
  async mine(@Req() request: any) {
    return this.docs.findOne(accessFilter(request));
  }
}
"""


def test_a_query_built_only_from_bound_handler_parameters_goes_to_the_summary() -> None:
    # Whether `pid` can arrive as an operator object depends on the declared type and the
    # app's ValidationPipe, which the change does not show.
    found = review_files([added_file("server/src/published.controller.ts", _NEST)]).findings
    nosql = [f for f in found if f.rule == "nosql-injection"]
    assert nosql and all(f.severity is Severity.INFO for f in nosql)
    assert all("ValidationPipe" in f.body for f in nosql)

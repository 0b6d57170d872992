"""Findings whose judgement needs what the change does not show go to the summary (info)
with a note saying so; a traced flow from the request stays inline."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files


def _of(path: str, text: str, rule: str) -> dict[int, Severity]:
    findings = review_files([added_file(path, text)]).findings
    return {f.line: f.severity for f in findings if f.rule == rule}


RUBY_EVAL = """\
class CountsController < ApplicationController
  def index
    name = @object.class.name.downcase
    eval("@#{name}_counts[#{@object.id}]")
  end

  def show
    eval(params[:expr])
  end
end
"""


def test_a_computed_ruby_eval_without_a_request_flow_is_summary_only() -> None:
    found = _of("app/controllers/counts_controller.rb", RUBY_EVAL, "code-injection")
    assert found.get(4) is Severity.INFO
    assert found.get(8) not in (None, Severity.INFO)


PHP_EVAL = """\
<?php
function render_cached($compiled) {
    eval('?>' . $compiled);
}
function run() {
    eval($_GET['code']);
}
"""


def test_a_computed_php_eval_without_a_request_flow_is_summary_only() -> None:
    found = _of("src/Template.php", PHP_EVAL, "code-injection")
    assert found.get(3) is Severity.INFO
    assert found.get(6) not in (None, Severity.INFO)

"""Findings whose judgement needs what the change does not show go to the summary (info)
with a note saying so; a traced flow from the request stays inline."""

from __future__ import annotations

import pytest

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


PHP_EVAL = """\
<?php
function render_cached($compiled) {
    eval('?>' . $compiled);
}
function run() {
    eval($_GET['code']);
}
"""


@pytest.mark.parametrize(
    ("path", "text", "computed", "from_request"),
    [
        ("app/controllers/counts_controller.rb", RUBY_EVAL, 4, 8),
        ("src/Template.php", PHP_EVAL, 3, 6),
    ],
)
def test_a_computed_eval_without_a_request_flow_is_summary_only(
    path: str, text: str, computed: int, from_request: int
) -> None:
    found = _of(path, text, "code-injection")
    assert found.get(computed) is Severity.INFO
    assert found.get(from_request) not in (None, Severity.INFO)


PHP_VALIDATED = """\
<?php
class JournalController {
    public function a(Request $request, Response $response, array $args) {
        if (filter_var($request->getQueryParams()['months'], FILTER_VALIDATE_INT) !== false) {
            $months = $request->getQueryParams()['months'];
            $this->db->query("SELECT id FROM t WHERE age > $months");
        }
    }
    public function b(Request $request, Response $response, array $args) {
        $days = $request->getQueryParams()['days'];
        if (filter_var($days, FILTER_VALIDATE_INT) === false) {
            return $response;
        }
        $this->db->query("SELECT id FROM t WHERE age > $days");
    }
    public function c(Request $request, Response $response, array $args) {
        $mail = $request->getQueryParams()['mail'];
        if (filter_var($mail, FILTER_VALIDATE_EMAIL) !== false) {
            $this->db->query("SELECT id FROM t WHERE mail = '$mail'");
        }
    }
}
"""


def test_a_php_value_validated_as_an_integer_carries_no_sql() -> None:
    found = _of("controllers/JournalController.php", PHP_VALIDATED, "sql-injection")
    # An integer has no quote; an e-mail address may hold one (`o'brien@x.org`).
    assert sorted(found) == [19]


RUBY_CASE = """\
class ArticlesController < ApplicationController
  def index
    sort = if params['sort']
             case params['sort']
             when 'name' then 'articles.name'
             when 'unit' then 'articles.unit'
             when 'name_reverse' then 'articles.name DESC'
             end
           else
             'articles.name'
           end
    @articles = Article.undeleted.order(sort)
  end

  def other
    sort = case params[:s]
           when 'a' then 'a'
           else params[:s]
           end
    @x = Article.order(sort)
  end
end
"""


def test_a_ruby_case_mapping_input_to_literal_columns_carries_no_sql() -> None:
    found = _of("app/controllers/articles_controller.rb", RUBY_CASE, "sql-injection")
    # The arms are literals except `else params[:s]`, which the second action keeps.
    assert sorted(found) == [20]


PY_VALIDATED = """\
import os
import uuid as uuidmod
from rest_framework.views import APIView
from rest_framework.response import Response


class ImportView(APIView):
    def post(self, request):
        folder = request.data.get("uuid")
        try:
            uuidmod.UUID(folder, version=4)
        except ValueError:
            return Response(status=400)
        path = os.path.join("/data/imports", folder)
        os.remove(path)

    def put(self, request):
        folder = request.data.get("uuid")
        int(folder)
        os.remove(os.path.join("/data/imports", folder))

    def delete(self, request):
        folder = request.data.get("uuid")
        os.remove(os.path.join("/data/imports", folder))
"""

JAVA_VALIDATED = """\
package app;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.UUID;
import org.springframework.web.bind.annotation.*;

@RestController
public class ExportController {
    @DeleteMapping("/exports")
    public void delete(@RequestParam String id) throws Exception {
        UUID.fromString(id);
        Files.delete(Paths.get("/data/exports", id));
    }

    @DeleteMapping("/other")
    public void other(@RequestParam String id) throws Exception {
        Files.delete(Paths.get("/data/exports", id));
    }
}
"""


def test_a_raising_conversion_as_a_statement_validates_the_value() -> None:
    # `uuid.UUID(x)` (under an import alias, in a try), `int(x)`, `UUID.fromString(x)`:
    # the code after them runs only with a value of that type.
    assert sorted(_of("app/api/imports.py", PY_VALIDATED, "path-traversal")) == [24]
    java = _of("src/main/java/app/ExportController.java", JAVA_VALIDATED, "path-traversal")
    assert sorted(java) == [18]


SPREAD_OPTIONS = """\
import requests


def fetch_subtitles(url):
    options = {"timeout": 30, "headers": {"User-Agent": "x"}}
    return requests.get(url, **options)


def fetch_page(url, **kwargs):
    return requests.get(url, **kwargs)
"""


def test_a_request_spreading_a_literal_timeout_is_no_finding() -> None:
    # A dict literal holding `timeout` carries it; a spread of the caller's kwargs may not
    # (the judged true positives of redash's query runners).
    found = _of("app/subtitles.py", SPREAD_OPTIONS, "http-request-no-timeout")
    assert found == {10: Severity.MEDIUM}


PHP_TYPE_CHECKED = """\
<?php
class RecipesController {
    public function Overview(Request $request, Response $response, array $args) {
        $start = $request->getQueryParams()['start'];
        if (IsIsoDate($start)) {
            $this->db->query("SELECT id FROM meal_plan WHERE day >= '$start'");
        }
        $this->db->query("SELECT id FROM meal_plan WHERE day >= '$start'");
    }
    public function Week(Request $request, Response $response, array $args) {
        $day = $request->getQueryParams()['day'];
        if (validate_date($day)) {
            $this->db->query("SELECT id FROM meal_plan WHERE day = '$day'");
        }
    }
}
"""


def test_a_project_predicate_named_for_a_type_guards_the_value() -> None:
    # `IsIsoDate($start)` true: a date holds no quote; outside the branch it is unchecked.
    # `validate_date($day)` may as well return its errors: no guard.
    found = _of("controllers/RecipesController.php", PHP_TYPE_CHECKED, "sql-injection")
    assert sorted(found) == [8, 13]

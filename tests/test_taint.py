"""Flow-based injection findings on labelled fixtures, one per framework."""

from __future__ import annotations

import ast

import pytest

from bot.rules.taint import api, flow, python_front, spec
from tests.taint_cases import Labelled, labelled

CASES = labelled()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_flows(case: Labelled) -> None:
    flows = api.file_flows(case.changed_file())
    found = {(f.line, f.rule) for f in flows}
    missing = {(line, rule) for line, rule in case.expected.items() if (line, rule) not in found}
    false_alarms = {(f.line, f.rule) for f in flows if f.line in case.safe}
    assert not missing, f"flows not found: {sorted(missing)}; found {sorted(found)}"
    assert not false_alarms, f"safe look-alikes flagged: {sorted(false_alarms)}"


def _python_flows(src: str) -> list[flow.Flow]:
    data = spec.load("python")
    return flow.analyze(python_front.module(ast.parse(src), data), data)


def test_message_names_source_and_sink_lines() -> None:
    flows = _python_flows(
        "from flask import request\n"
        "@app.get('/u')\n"
        "def u():\n"
        "    name = request.args['name']\n"
        "    cursor.execute('SELECT 1 WHERE n = ' + name)\n"
    )
    assert [f.message() for f in flows] == [
        "`name` from `request.args` (line 4) reaches `cursor.execute` (line 5)"
    ]


def test_constant_folding_kills_dead_branch_only() -> None:
    template = (
        "from flask import request\n"
        "def u():\n"
        "    param = request.args['p']\n"
        "    n = {n}\n"
        "    x = 'safe' if 7 * 18 + n > 200 else param\n"
        "    cursor.execute('SELECT ' + x)\n"
    )
    assert _python_flows(template.format(n=106)) == []
    assert [f.line for f in _python_flows(template.format(n=1))] == [6]


def test_helper_in_same_file_is_followed() -> None:
    flows = _python_flows(
        "from flask import request\n"
        "def clause(v):\n"
        "    return ' WHERE name = ' + v\n"
        "def run(sql):\n"
        "    cursor.execute(sql)\n"
        "def view():\n"
        "    run('SELECT 1' + clause(request.args['n']))\n"
    )
    assert [(f.line, f.via) for f in flows] == [(5, (("run", 7),))]


def test_hit_detail_carries_structured_flow_line() -> None:
    case = next(c for c in CASES if c.name == "flask_app.py")
    hits = api.flow_hits(case.changed_file(), {"sql-injection"})
    assert hits, "expected a SQL injection hit"
    parsed = api.parse_flow_line(hits[0].detail)
    assert parsed == (89, hits[0].line, (12,))


def test_plain_function_parameter_is_not_a_source() -> None:
    assert (
        _python_flows("def purge(cursor, table):\n    cursor.execute(f'DROP TABLE {table}')\n")
        == []
    )


def test_every_sink_class_has_a_rule_and_cwe() -> None:
    for language in ("python", "javascript", "java"):
        data = spec.load(language)
        assert {s.cls for s in data.sinks} <= set(data.classes)


def test_structured_log_fields_are_not_log_injection() -> None:
    flows = _python_flows(
        "from flask import request\n"
        "def v():\n"
        "    logger.info({'user': request.args['u']})\n"
        "    logger.info('user ' + request.args['u'])\n"
    )
    assert [(f.rule, f.line) for f in flows] == [("log-injection", 4)]


def test_trust_boundary_severity_follows_the_session_key() -> None:
    from bot.diff import added_file
    from bot.models import Severity
    from bot.rules.flow_rules import CatalogFlowCheck
    from bot.select import select_backend

    src = (
        "from flask import Flask, request, session\n"
        "app = Flask(__name__)\n"
        "@app.post('/p')\n"
        "def p():\n"
        "    session['theme'] = request.form['theme']\n"
        "    session['user_id'] = request.form['uid']\n"
        "    return 'ok'\n"
    )
    (file,), _ = select_backend([added_file("app/views.py", src)])
    hits = list(CatalogFlowCheck().check_file(file))
    by_line = {hit.line: hit.severity for hit in hits}
    notes = {hit.line: hit.detail or "" for hit in hits}
    # Both go to the summary: a display preference is a weak claim; for an identity the app
    # trusts, whether it was verified first is in code the flow does not show.
    assert by_line == {5: Severity.INFO, 6: Severity.INFO}
    assert "does not name anything" in notes[5]
    assert "verified before it was stored" in notes[6]


STEP_REDIRECTOR_PHP = """<?php
namespace App\\Controller;

use Symfony\\Component\\HttpFoundation\\Request;
use Symfony\\Component\\Routing\\Annotation\\Route;

class ActionController extends AbstractController
{
    #[Route(path: '/ndr/{ndrId}/actions/step/{step}', name: 'ndr_actions_step')]
    public function stepAction(Request $request, int $ndrId, $step)
    {
        $fromPage = $request->get('from');
        $stepRedirector = $this->stepRedirector
            ->setRoutes('ndr_actions', 'ndr_actions_step', 'ndr_actions_summary')
            ->setFromPage($fromPage)
            ->setCurrentStep($step)->setTotalSteps(4);
        return $this->redirect($stepRedirector->getRedirectLinkAfterSaving());
    }

    #[Route(path: '/go', name: 'go')]
    public function goAction(Request $request)
    {
        $next = $request->query->get('next');
        return $this->redirect($next);
    }
}
"""


def test_php_values_handed_to_a_service_object_flow_only_through_its_code() -> None:
    """PHP strings have no methods: `$stepRedirector->getRedirectLinkAfterSaving()` is the
    project's code (it picks one of the app's routes), and its setters redirect nobody, so
    that flow rests on code the change does not show: a summary line. The page's own
    `?next=` handed to `redirect` stays a comment."""
    from bot.diff import added_file as _added
    from bot.models import Severity as _Severity
    from bot.pipeline import review_files as _review_files

    found = [
        f
        for f in _review_files(
            [_added("src/Controller/ActionController.php", STEP_REDIRECTOR_PHP)]
        ).findings
        if f.rule == "open-redirect"
    ]
    assert [(f.line, f.severity) for f in found] == [
        (17, _Severity.INFO),
        (24, _Severity.MEDIUM),
    ]
    assert "only through" in found[0].title


def test_every_language_gets_the_common_sanitizers() -> None:
    """`data/common.yml`: a project's own SQL escaper is a sanitizer in every language's
    data, after its own entries; `common` itself is no language."""
    from bot.rules.taint import spec
    from bot.rules.taint.api import LANGUAGES

    for language in sorted(LANGUAGES):
        sanitizers = spec.load(language).sanitizers
        assert any(
            "sql" in s.classes and spec.matches(s.callee, "escapeSql") for s in sanitizers
        ), language
        built = [s for s in sanitizers if "redirect" in s.classes and s.callee[:2] == ".~"]
        assert any(spec.matches(s.callee, "router.get_next_location_url") for s in built)
        # a bare helper of the same name may hand its argument back: the flow follows it
        assert not any(spec.matches(s.callee, "get_next_location_url") for s in built)
    with pytest.raises(FileNotFoundError):
        spec.load(spec.COMMON)

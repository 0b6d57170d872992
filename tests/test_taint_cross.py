"""Flows across the files of one change: a handler's input reaching a sink in a
function of another changed file is reported at that sink, through the rule engine."""

from __future__ import annotations

from pathlib import Path

from bot.config import parse_config
from bot.diff import added_file
from bot.models import ChangedFile, Finding
from bot.pipeline import review_diff
from bot.rules.engine import run_rules
from bot.rules.taint.api import parse_flow_line
from bot.rules.taint.cross import FLOW_FROM, module_name
from bot.select import select_backend

ROOT = Path(__file__).resolve().parent.parent
INJECTION = ["sql-injection", "command-injection"]

HANDLER = (
    "from fastapi import APIRouter\n"
    "\n"
    "from app.services import orders\n"
    "\n"
    "router = APIRouter()\n"
    "\n"
    "\n"
    '@router.get("/orders/search")\n'
    'def search(customer_email: str, status: str = "open") -> list[dict]:\n'
    "    return orders.search_orders(customer_email, status)\n"
)

SERVICE = (
    "from app.db import get_connection\n"
    "\n"
    "\n"
    "def search_orders(customer_email, status):\n"
    "    with get_connection() as conn:\n"
    "        cur = conn.cursor()\n"
    "        cur.execute(\n"
    "            f\"SELECT id FROM orders WHERE customer_email = '{customer_email}' \"\n"
    "            f\"AND status = '{status}'\"\n"
    "        )\n"
    "        return cur.fetchall()\n"
)


def _files(*pairs: tuple[str, str]) -> list[ChangedFile]:
    kept, _ = select_backend([added_file(path, code) for path, code in pairs])
    assert len(kept) == len(pairs)
    return kept


def _findings(*pairs: tuple[str, str]) -> list[Finding]:
    run = run_rules(_files(*pairs), only=INJECTION)
    assert not run.errors
    return run.findings


def test_handler_input_reaches_sink_in_service_file() -> None:
    found = _findings(("app/api/orders.py", HANDLER), ("app/services/orders.py", SERVICE))
    assert [(f.rule, f.path, f.line) for f in found] == [
        ("sql-injection", "app/services/orders.py", 7)
    ]
    assert found[0].title == (
        "SQL injection: `customer_email` and `status`, parameters of handler `search` "
        "(app/api/orders.py line 9), reach `cur.execute` (line 7) through `search_orders`"
    )
    detail = found[0].body
    # The machine line stays in the finding's file: the value enters it at the `def`.
    assert parse_flow_line(detail) == (89, 7, (4,))
    match = FLOW_FROM.search(detail)
    assert match is not None and match.groups() == ("app/api/orders.py", "9")


def test_from_import_of_the_function_resolves() -> None:
    handler = HANDLER.replace(
        "from app.services import orders", "from app.services.orders import search_orders"
    ).replace("orders.search_orders(", "search_orders(")
    found = _findings(("app/api/orders.py", handler), ("app/services/orders.py", SERVICE))
    assert [(f.path, f.line) for f in found] == [("app/services/orders.py", 7)]


def test_function_called_only_from_non_handler_code_is_not_reported() -> None:
    caller = (
        "from app.services import orders\n"
        "\n"
        "\n"
        "def nightly_report(customer_email: str) -> list[dict]:\n"
        '    return orders.search_orders(customer_email, "open")\n'
    )
    assert _findings(("app/jobs/report.py", caller), ("app/services/orders.py", SERVICE)) == []


def test_callee_that_binds_parameters_is_not_reported() -> None:
    service = (
        "def search_orders(customer_email, status):\n"
        "    cur = get_connection().cursor()\n"
        '    cur.execute("SELECT id FROM orders WHERE customer_email = %s AND status = %s",\n'
        "                (customer_email, status))\n"
        "    return cur.fetchall()\n"
    )
    assert _findings(("app/api/orders.py", HANDLER), ("app/services/orders.py", service)) == []


def test_callee_converting_its_parameter_with_int_is_not_reported() -> None:
    service = (
        "def search_orders(customer_email, status):\n"
        "    cur = get_connection().cursor()\n"
        "    cur.execute(f'SELECT id FROM orders WHERE customer_id = {int(customer_email)}')\n"
        "    return cur.fetchall()\n"
    )
    assert _findings(("app/api/orders.py", HANDLER), ("app/services/orders.py", service)) == []


def test_shell_sink_across_files() -> None:
    handler = (
        "from app.tools import archive\n"
        "\n"
        '@app.post("/backup")\n'
        "def backup(name: str) -> None:\n"
        "    archive.pack(name)\n"
    )
    tool = "import os\n\n\ndef pack(name):\n    os.system('tar czf /tmp/' + name + '.tgz /data')\n"
    found = _findings(("app/api/backup.py", handler), ("app/tools/archive.py", tool))
    assert [(f.rule, f.path, f.line) for f in found] == [
        ("command-injection", "app/tools/archive.py", 5)
    ]


def test_import_from_outside_the_change_is_no_claim() -> None:
    # `orders` is bound to a module the change does not show: the same-named function
    # in another changed file is not the one called.
    handler = HANDLER.replace("from app.services import orders", "from legacy import orders")
    assert _findings(("app/api/orders.py", handler), ("app/services/orders.py", SERVICE)) == []


def test_ambiguous_name_without_imports_is_no_claim() -> None:
    handler = HANDLER.replace("from app.services import orders\n", "")
    one = ("app/services/orders.py", SERVICE)
    other = ("app/legacy/orders.py", SERVICE)
    assert _findings(("app/api/orders.py", handler), one, other) == []
    # With one candidate, the name (and the module's name before the dot) decides.
    found = _findings(("app/api/orders.py", handler), one)
    assert [(f.path, f.line) for f in found] == [("app/services/orders.py", 7)]


def test_sink_on_an_unchanged_line_is_not_reported() -> None:
    handler, service = _files(("app/api/orders.py", HANDLER), ("app/services/orders.py", SERVICE))
    # The service only gained its last line: the query itself is old code.
    service = service.model_copy(update={"added_lines": frozenset({11})})
    run = run_rules([handler, service], only=INJECTION)
    assert run.findings == []


def test_readme_example_diff_finds_the_service_query() -> None:
    # A diff alone: hunks without their imports, resolved by the unique function name.
    result = review_diff((ROOT / "examples" / "pr-mixed.diff").read_bytes(), parse_config("{}"))
    found = [(f.path, f.line) for f in result.findings if f.rule == "sql-injection"]
    assert found == [("app/services/orders.py", 26)]


def test_module_name_of_paths() -> None:
    assert module_name("app/services/orders.py") == "app.services.orders"
    assert module_name("app/services/__init__.py") == "app.services"


def test_other_injection_classes_cross_files_too() -> None:
    handler = (
        "from app.storage import files\n"
        "\n"
        '@app.get("/download")\n'
        "def download(name: str) -> bytes:\n"
        "    return files.read_upload(name)\n"
    )
    storage = "def read_upload(name):\n    with open('/srv/uploads/' + name, 'rb') as f:\n"
    storage += "        return f.read()\n"
    kept = _files(("app/api/download.py", handler), ("app/storage/files.py", storage))
    run = run_rules(kept)
    assert not run.errors
    found = [(f.rule, f.path, f.line) for f in run.findings if f.rule == "path-traversal"]
    assert found == [("path-traversal", "app/storage/files.py", 2)]


def test_page_built_by_a_function_of_another_file_is_reflected_xss() -> None:
    views = (
        "from flask import Flask, request\n"
        "\n"
        "from app.render import card, plain_card\n"
        "\n"
        "app = Flask(__name__)\n"
        "\n"
        "\n"
        '@app.route("/card")\n'
        "def show_card():\n"
        '    name = request.args.get("name", "")\n'
        "    return card(name)\n"
        "\n"
        "\n"
        '@app.route("/plain")\n'
        "def show_plain():\n"
        '    return plain_card(request.args.get("name", ""))\n'
    )
    render = (
        "from markupsafe import escape\n"
        "\n"
        "\n"
        "def card(name):\n"
        "    return \"<div class='card'>\" + name + '</div>'\n"
        "\n"
        "\n"
        "def plain_card(name):\n"
        "    return '<div>' + escape(name) + '</div>'\n"
    )
    # Every check: the cross-file one declares no rule of its own, so `only=` skips it.
    run = run_rules(_files(("app/views.py", views), ("app/render.py", render)))
    assert not run.errors
    xss = [f for f in run.findings if f.rule == "reflected-xss"]
    # The escaping helper's page is clean; the other one is reported at the handler's return.
    assert [(f.path, f.line) for f in xss] == [("app/views.py", 11)]
    assert "through `card`" in xss[0].title


JOBS = (
    "import os\n"
    "\n"
    "\n"
    "class Pinger:\n"
    "    def __init__(self, host, count):\n"
    "        self.host = host\n"
    "        self.count = count\n"
    "\n"
    "    def run(self):\n"
    '        os.system("ping -c 1 " + self.host)\n'
    "\n"
    "    def label(self):\n"
    '        os.system("logger pinger")\n'
    '        return "ping"\n'
)

JOB_HANDLER = (
    "from flask import Flask, request\n"
    "\n"
    "from app.jobs import Pinger\n"
    "\n"
    "app = Flask(__name__)\n"
    "\n"
    "\n"
    '@app.get("/ping")\n'
    "def ping():\n"
    '    job = Pinger(request.args.get("host", ""), 1)\n'
    "    job.label()\n"
    "    return str(job.run())\n"
)


def test_method_of_a_class_of_another_file_is_followed_on_its_instance() -> None:
    found = _findings(("app/views.py", JOB_HANDLER), ("app/jobs.py", JOBS))
    assert [(f.path, f.line, f.rule) for f in found] == [("app/jobs.py", 10, "command-injection")]

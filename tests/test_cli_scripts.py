"""An outbound call without a timeout in a command-line script (a `scripts/` file, a
click/Flask-Script `commands.py`, a Django management command) holds up that run, not a
server's workers: the finding goes to the summary. The same call in server code, or in a
script folder whose file handles a web request, stays inline. See docs/benchmarks.md."""

from __future__ import annotations

import pytest

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files

SCRIPT = """\
import sys

import requests


def main():
    token = sys.argv[1]
    reply = requests.get("https://api.example.org/events", headers={"Authorization": token})
    print(reply.json())


if __name__ == "__main__":
    main()
"""

ROUTE = """\
import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/proxy")
def proxy():
    return requests.get("https://api.example.org/events", params=request.args).text
"""


def _timeouts(path: str, code: str) -> list[Severity]:
    findings = review_files([added_file(path, code)]).findings
    return [f.severity for f in findings if f.rule == "http-request-no-timeout"]


@pytest.mark.parametrize(
    "path",
    ["scripts/reschedule.py", "app/core/spatial/commands.py", "app/management/commands/sync.py"],
)
def test_a_command_line_script_goes_to_the_summary(path: str) -> None:
    assert _timeouts(path, SCRIPT) == [Severity.INFO]


def test_server_code_stays_inline() -> None:
    service = SCRIPT.split("\n\nif __name__")[0] + "\n"
    assert _timeouts("scripts/events.py", service) == [Severity.INFO]
    got = _timeouts("app/services/events.py", service)
    assert got and got[0] is not Severity.INFO


def test_a_script_folder_file_handling_a_request_stays_inline() -> None:
    got = _timeouts("scripts/proxy.py", ROUTE)
    assert got and got[0] is not Severity.INFO


GO_LIBRARY = """\
package jwk

import "net/http"

func Fetch(url string) (*http.Response, error) {
	return http.Get(url)
}
"""


def test_a_go_library_package_in_a_tools_folder_is_no_script() -> None:
    got = _timeouts("tools/auth/internal/jwk/jwk.go", GO_LIBRARY)
    assert got and got[0] is not Severity.INFO
    program = GO_LIBRARY.replace("package jwk", "package main")
    assert _timeouts("tools/fetch/main.go", program) == [Severity.INFO]


ARTISAN = """\
<?php

namespace Wave\\Console\\Commands;

use GuzzleHttp\\Client;
use Illuminate\\Console\\Command;

class CreatePluginCommand extends Command
{
    public function handle()
    {
        $client = new Client();
        $response = $client->get('https://cdn.example.com/placeholder.png');
    }
}
"""


@pytest.mark.parametrize(
    "path",
    ["wave/src/Console/Commands/CreatePluginCommand.php", "src/Command/ImportCommand.php"],
)
def test_a_laravel_or_symfony_console_command_is_a_script(path: str) -> None:
    assert _timeouts(path, ARTISAN) and set(_timeouts(path, ARTISAN)) == {Severity.INFO}
    assert Severity.INFO not in _timeouts("app/Http/Controllers/PluginController.php", ARTISAN)

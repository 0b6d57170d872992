"""A path-traversal flow whose function (or the function the value came from, when the
file call is in a helper) makes the path canonical and tests it against a base or `..`,
leaving on failure, goes to the summary and names the test's line: the engine does not
prove the test covers the value, a reader can. Without such a test the finding stays
inline. PHP's `realpath()` never returns a URL, so it ends an SSRF flow."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Finding, Severity
from bot.pipeline import review_files
from tests.rule_helpers import run_rule

GO = """\
package routes

import (
\t"net/http"
\t"os"
\t"path/filepath"
\t"strings"
)

type SpaHandler struct{ staticPath string }

func (h SpaHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
\trelPath := strings.TrimPrefix(filepath.Clean(r.URL.Path), "/")
\tfullPath := filepath.Join(h.staticPath, relPath)
\tabsPath, err := filepath.Abs(fullPath)
\tif err != nil {
\t\treturn
\t}
\trel, err := filepath.Rel(h.staticPath, absPath)
\tif err != nil || strings.Contains(rel, "..") {
\t\thttp.Error(w, "outside", http.StatusBadRequest)
\t\treturn
\t}
\th.serve(w, r, fullPath)
}

func (h SpaHandler) serve(w http.ResponseWriter, r *http.Request, p string) {
\thttp.ServeFile(w, r, p)
}

func Download(w http.ResponseWriter, r *http.Request) {
\tname := r.URL.Query().Get("name")
\tdata, _ := os.ReadFile(filepath.Join("/srv/files", name))
\tw.Write(data)
}
"""

PHP = """\
<?php
function show_template() {
    $path = $_GET['path'];
    $file = realpath(DIR_TEMPLATE . $path);
    if (strpos($file, realpath(DIR_TEMPLATE)) !== 0) {
        exit('denied');
    }
    echo file_get_contents($file);
}

function raw() {
    echo file_get_contents('/var/data/' . $_GET['f']);
}

function fetch() {
    echo file_get_contents($_GET['u']);
}
"""


PYTHON = """\
import os

from flask import Flask, request

app = Flask(__name__)
ROOT = "/srv/exports"


@app.get("/exports")
def export():
    name = request.args["name"]
    target = os.path.realpath(os.path.join(ROOT, name))
    try:
        inside = (
            os.path.commonpath((ROOT, target))
            == ROOT
        )
    except ValueError:
        inside = False
    if not inside:
        raise ValueError("outside the export folder")
    with open(target, "rb") as handle:
        return handle.read()


@app.get("/raw")
def raw():
    with open(os.path.join(ROOT, request.args["name"]), "rb") as handle:
        return handle.read()
"""


def _found(path: str, code: str, rule: str) -> dict[int, Finding]:
    return {f.line: f for f in run_rule([added_file(path, code)], rule)}


def _line(code: str, text: str) -> int:
    return next(n for n, row in enumerate(code.splitlines(), 1) if text in row)


def test_go_check_in_the_caller_sends_the_helper_finding_to_the_summary() -> None:
    found = _found("api/routes/spa.go", GO, "path-traversal")
    helper = found[_line(GO, "http.ServeFile")]
    assert helper.severity is Severity.INFO
    assert f"line {_line(GO, 'strings.Contains(rel')}" in helper.body
    assert found[_line(GO, "os.ReadFile")].severity is not Severity.INFO  # no test at all


def test_php_realpath_prefix_check_goes_to_the_summary() -> None:
    found = _found("admin/design.php", PHP, "path-traversal")
    assert found[8].severity is Severity.INFO
    assert found[12].severity is not Severity.INFO


def test_php_realpath_ends_an_ssrf_flow() -> None:
    found = _found("admin/design.php", PHP, "ssrf")
    assert 8 not in found
    assert _line(PHP, "$_GET['u']") in found


def test_python_containment_value_tested_a_few_lines_on_goes_to_the_summary() -> None:
    found = _found("app/exports.py", PYTHON, "path-traversal")
    assert found[_line(PYTHON, "open(target")].severity is Severity.INFO
    assert found[_line(PYTHON, 'request.args["name"]), "rb"')].severity is not Severity.INFO


CROSS_VIEWS = """\
from flask import Flask, request
from app.exports import read_export, read_raw

app = Flask(__name__)


@app.get("/exports")
def export():
    return read_export(request.args["name"])


@app.get("/raw")
def raw():
    return read_raw(request.args["name"])
"""

CROSS_EXPORTS = """\
import os

ROOT = "/srv/exports"


def read_export(name):
    target = os.path.realpath(os.path.join(ROOT, name))
    inside = os.path.commonpath((ROOT, target)) == ROOT
    if not inside:
        raise ValueError("outside the export folder")
    with open(target, "rb") as handle:
        return handle.read()


def read_raw(name):
    with open(os.path.join(ROOT, name), "rb") as handle:
        return handle.read()
"""


def test_a_flow_from_another_files_handler_is_checked_in_the_sinks_function() -> None:
    files = [added_file("app/views.py", CROSS_VIEWS), added_file("app/exports.py", CROSS_EXPORTS)]
    found = {
        f.line: f.severity
        for f in review_files(files).findings
        if f.rule == "path-traversal" and f.path == "app/exports.py"
    }
    assert found[_line(CROSS_EXPORTS, "open(target")] is Severity.INFO
    assert found[_line(CROSS_EXPORTS, "open(os.path.join")] is Severity.HIGH


KOTLIN_STORE = """\
package media

import io.ktor.http.HttpStatusCode
import io.ktor.server.application.*
import io.ktor.server.response.*
import io.ktor.server.routing.*
import java.io.File

class MediaStore(root: File) {
    private val rootCanonical: File = root.canonicalFile

    fun resolveForRead(relative: String): File? {
        val candidate = File(rootCanonical, relative).canonicalFile
        val inside = candidate.path.startsWith(rootCanonical.path + File.separator)
        return if (inside && candidate.isFile) candidate else null
    }
}

fun Route.media(store: MediaStore, dir: File) {
    get("/media/files/{path...}") {
        val rel = call.parameters.getAll("path").orEmpty().joinToString("/")
        val file = store.resolveForRead(rel) ?: return@get call.respond(HttpStatusCode.NotFound)
        call.respondFile(file)
    }
    get("/raw/{name}") {
        call.respondFile(File(dir, call.parameters["name"]!!))
    }
}
"""


def test_kotlin_helper_that_returns_only_a_contained_path() -> None:
    """The helper builds a canonical file and hands it back only when it lies under the
    root: neither its own `File(...)` nor the route that sends the result is inline; a
    route that sends a file it never checked still is."""
    found = _found("src/main/kotlin/media/Routes.kt", KOTLIN_STORE, "path-traversal")
    inline = {line for line, f in found.items() if f.severity is not Severity.INFO}
    assert _line(KOTLIN_STORE, "File(rootCanonical, relative)") not in inline
    assert _line(KOTLIN_STORE, "call.respondFile(file)") not in inline
    assert _line(KOTLIN_STORE, "File(dir, call.parameters") in inline

"""A flow whose input was first given to a check the engine does not read
(`if not check_destination(url): abort(400)`, `validateFileName(name)` in Go's
`if err := ...; err != nil`, Ruby's `raise unless permitted_location?(path)`) goes to the
summary with the check named; the same flow without the check, or with only a presence
test (`checkNotNull`), stays inline. See docs/benchmarks.md, "unread-check"."""

from __future__ import annotations

import pytest

from bot.diff import added_file
from bot.models import Severity
from bot.rules.taint import unread_check
from tests.rule_helpers import run_rule

PYTHON = """\
from flask import Flask, request, redirect, abort, send_file
from .perm import check_destination, ensure_in_workspace

app = Flask(__name__)


@app.route("/go")
def go():
    target = request.args.get("next")
    if not check_destination(target):
        abort(400)
    return redirect(target)


@app.route("/go2")
def go2():
    target = request.args.get("next")
    return redirect(target)


@app.route("/file")
def file():
    name = request.args["name"]
    ensure_in_workspace(name)
    return send_file("/srv/files/" + name)


@app.route("/file2")
def file2():
    name = request.args["name"]
    if checkNotNull(name):
        return send_file("/srv/files/" + name)
    abort(404)
"""

GO = """\
package app

import (
	"net/http"
	"os"
)

func Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if err := validateFileName(name); err != nil {
		http.Error(w, "bad", 400)
		return
	}
	data, _ := os.ReadFile("/srv/" + name)
	w.Write(data)
}

func Download2(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	data, _ := os.ReadFile("/srv/" + name)
	w.Write(data)
}
"""

RUBY = """\
class FilesController < ApplicationController
  def show
    path = params[:path]
    raise ActionController::BadRequest unless permitted_location?(path)
    send_file File.join("/srv", path)
  end

  def show2
    path = params[:path]
    send_file File.join("/srv", path)
  end
end
"""

JAVA = """\
package app;

import org.springframework.web.bind.annotation.*;
import java.io.File;
import java.nio.file.Files;

@RestController
public class Ctl {
    @GetMapping("/f")
    public byte[] f(@RequestParam String name) throws Exception {
        if (!PathRules.isAllowedName(name)) {
            throw new IllegalArgumentException("bad");
        }
        return Files.readAllBytes(new File("/srv/" + name).toPath());
    }

    @GetMapping("/g")
    public byte[] g(@RequestParam String name) throws Exception {
        return Files.readAllBytes(new File("/srv/" + name).toPath());
    }
}
"""


def _by_line(path: str, code: str, rule: str) -> dict[int, tuple[Severity, str]]:
    return {f.line: (f.severity, f.body) for f in run_rule([added_file(path, code)], rule)}


@pytest.mark.parametrize(
    ("path", "code", "rule", "checked", "unchecked", "callee"),
    [
        ("app/views.py", PYTHON, "open-redirect", 12, 18, "check_destination"),
        ("app/views.py", PYTHON, "path-traversal", 25, 32, "ensure_in_workspace"),
        ("app/h.go", GO, "path-traversal", 14, 20, "validateFileName"),
        ("app/c.rb", RUBY, "path-traversal", 5, 10, "permitted_location?"),
        ("app/Ctl.java", JAVA, "path-traversal", 14, 19, "PathRules.isAllowedName"),
    ],
)
def test_a_flow_given_to_an_unread_check_goes_to_the_summary_naming_it(
    path: str, code: str, rule: str, checked: int, unchecked: int, callee: str
) -> None:
    got = _by_line(path, code, rule)
    assert got[checked][0] is Severity.INFO
    assert f"`{callee}()` is given the value on line" in got[checked][1]
    assert got[unchecked][0] is not Severity.INFO
    assert "a check the rules do not read" not in got[unchecked][1]


def test_a_presence_test_is_no_check_of_the_content() -> None:
    got = _by_line("app/views.py", PYTHON, "path-traversal")
    assert got[32][0] is Severity.HIGH


@pytest.mark.parametrize(
    "name",
    [
        "check_destination",
        "isSafeRedirectURL",
        "validate_path!",
        "ensureInside",
        "IsAllowed",
        "verifyHost",
        "PathRules.isAllowedName",
        "permitted_location?",
        "sanitizeFileName",
    ],
)
def test_check_names(name: str) -> None:
    assert unread_check.is_check_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "checkNotNull",
        "validate_presence_of",
        "mark_safe",
        "html_safe",
        "bypassSecurityTrustHtml",
        "checkout",
        "compute_checksum",
        "redirect",
        "send_file",
        "isEmpty",
        "assertNotBlank",
    ],
)
def test_not_check_names(name: str) -> None:
    assert not unread_check.is_check_name(name)

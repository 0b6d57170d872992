"""Findings whose truth rests on what the change cannot show go to the summary (info)
with a note, instead of inline; the same finding without that circumstance stays inline."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files


def _severities(path: str, text: str, rule: str) -> list[Severity]:
    found = review_files([added_file(path, text)]).findings
    return [f.severity for f in found if f.rule == rule]


_SCOPED = """
class NotesController < ApplicationController
  def index
    @asset = params[:kind].classify.constantize.my(current_user).find(params[:asset_id])
    render json: @asset
  end
end
"""

_INSTANTIATED = """
class NotesController < ApplicationController
  def index
    @asset = params[:kind].classify.constantize.new(params[:attrs])
    render json: @asset
  end
end
"""


def test_a_constant_used_through_an_app_scope_goes_to_the_summary() -> None:
    path = "app/controllers/notes_controller.rb"
    assert _severities(path, _SCOPED, "code-injection") == [Severity.INFO]


def test_a_constant_instantiated_stays_inline() -> None:
    path = "app/controllers/notes_controller.rb"
    severities = _severities(path, _INSTANTIATED, "code-injection")
    assert severities and all(s is not Severity.INFO for s in severities)


_GO_CLIENT = """package main

import "net/http"

func fetchKeys(issuer string) (*http.Response, error) {
	return http.Get(issuer + "/keys")
}
"""


def test_an_example_app_goes_to_the_summary() -> None:
    path = "examples/example-app/utils.go"
    assert _severities(path, _GO_CLIENT, "http-request-no-timeout") == [Severity.INFO]


def test_a_sample_app_goes_to_the_summary() -> None:
    for path in (
        "samples/shop/keys/utils.go",
        "spring-samples/keys/utils.go",
        "sample-app/u.go",
        # A project's samples folder named with hyphens (`spring-boot-admin-samples/`).
        "spring-boot-admin-samples/spring-boot-admin-sample-eureka/keys/utils.go",
        "acme-api-examples/keys/utils.go",
    ):
        assert _severities(path, _GO_CLIENT, "http-request-no-timeout") == [Severity.INFO]


def test_a_package_named_sample_stays_inline() -> None:
    severities = _severities(
        "src/main/go/io/acme/sample/utils.go", _GO_CLIENT, "http-request-no-timeout"
    )
    assert severities and all(s is not Severity.INFO for s in severities)


def test_a_benchmark_tool_goes_to_the_summary() -> None:
    path = "packages/acme-benchmark/acme_benchmark/client.go"
    assert _severities(path, _GO_CLIENT, "http-request-no-timeout") == [Severity.INFO]


def test_the_same_code_in_the_service_stays_inline() -> None:
    # `com/example/demo/` is a generated Spring project's package, not an example folder.
    for path in ("internal/keys/utils.go", "src/main/go/com/example/demo/utils.go"):
        severities = _severities(path, _GO_CLIENT, "http-request-no-timeout")
        assert severities and all(s is not Severity.INFO for s in severities), path


_CALLER_CONTEXT = """package connector

import (
	"context"
	"net/http"
)

func (c *Connector) fetch(ctx context.Context, uri string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
"""


def test_a_request_on_the_callers_context_stays_inline() -> None:
    # The caller's context may be `context.Background()`: no deadline is shown.
    path = "connector/fetch.go"
    severities = _severities(path, _CALLER_CONTEXT, "http-request-no-timeout")
    assert severities and all(s is not Severity.INFO for s in severities)


_ASSET = """
from flask import make_response, request


@app.get("/asset/<name>")
def asset(name):
    data = request.args.get("body", name)
    content_type = ASSET_TYPES.get(name)
    response = make_response(data)
    response.headers["Content-Type"] = content_type
    return response
"""


def test_a_response_typed_from_a_variable_goes_to_the_summary() -> None:
    assert _severities("app/views/assets.py", _ASSET, "reflected-xss") == [Severity.INFO]
    # The same response without the type set stays inline.
    plain = _ASSET.replace('    response.headers["Content-Type"] = content_type\n', "")
    severities = _severities("app/views/assets.py", plain, "reflected-xss")
    assert severities and all(s is not Severity.INFO for s in severities)


_VIEW = """
from flask import make_response, request

from app.assets import load_asset


@app.get("/asset/<name>")
def asset(name):
    data, content_type = load_asset(request.args.get("name", name))
    response = make_response(data)
    response.headers["Content-Type"] = content_type
    return response
"""

_LOADER = """
def load_asset(name):
    return name, "image/png"
"""


def test_a_typed_response_through_a_function_of_the_change_stays_in_the_summary() -> None:
    # The flow goes through `load_asset`, which the change defines: the engine would put
    # it back inline; the response's type is still not shown.
    files = [added_file("app/views.py", _VIEW), added_file("app/assets.py", _LOADER)]
    found = review_files(files).findings
    assert [f.severity for f in found if f.rule == "reflected-xss"] == [Severity.INFO]


_BUILT_REDIRECT = """
import { Controller, Get, Req, Res } from '@nestjs/common';
import { buildLoginRedirectUrl } from '@acme/shared-auth';

@Controller('/auth')
export class AuthController {
  @Get('/callback')
  async callback(@Req() request, @Res() response) {
    return response.redirect(buildLoginRedirectUrl(request));
  }
}
"""

_WRAPPED_REDIRECT = """
import { Controller, Get, Req, Res } from '@nestjs/common';
import { redirectBackTo } from '@acme/shared-auth';

@Controller('/auth')
export class AuthController {
  @Get('/callback')
  async callback(@Req() request, @Res() response) {
    return response.redirect(redirectBackTo(request.query.next));
  }
}
"""


def test_a_redirect_url_built_by_unseen_code_goes_to_the_summary() -> None:
    # `build…RedirectUrl` makes its own URL from a base of its choosing; the change does
    # not show which, so the finding is noted in the summary, not inline.
    path = "src/auth/auth.controller.ts"
    assert _severities(path, _BUILT_REDIRECT, "open-redirect") == [Severity.INFO]


def test_a_redirect_wrapper_of_unseen_code_stays_inline() -> None:
    path = "src/auth/auth.controller.ts"
    severities = _severities(path, _WRAPPED_REDIRECT, "open-redirect")
    assert severities and all(s is not Severity.INFO for s in severities)


_CONFIGURED_BASE_FETCH = """
import requests
from django.conf import settings


@router.post("/changes/")
def update(request, body: ChangesSchema):
    return requests.get(settings.CHANGES_BASE_URL + body.filename, timeout=10).json()
"""

_REQUEST_URL_FETCH = """
import requests


@router.post("/changes/")
def update(request, body: ChangesSchema):
    return requests.get(body.source_url + body.filename, timeout=10).json()
"""


def test_input_after_a_configured_base_url_goes_to_the_summary() -> None:
    # Whether the base ends in a path or `/` (so the input cannot move the host) is in
    # the settings, not in the change.
    path = "app/api/changes.py"
    assert _severities(path, _CONFIGURED_BASE_FETCH, "ssrf") == [Severity.INFO]


def test_a_url_from_the_request_stays_inline() -> None:
    path = "app/api/changes.py"
    severities = _severities(path, _REQUEST_URL_FETCH, "ssrf")
    assert severities and all(s is not Severity.INFO for s in severities)


_GO_COBRA = """package user

import (
	"net/http"

	"github.com/spf13/cobra"
)

func NewImportCommand() *cobra.Command {
	var inputURL string
	return &cobra.Command{
		Use: "import",
		Run: func(cmd *cobra.Command, args []string) {
			resp, _ := http.Get(inputURL)
			defer resp.Body.Close()
		},
	}
}
"""


def test_a_go_cli_command_goes_to_the_summary() -> None:
    # A cobra (or urfave/cli) command, wherever it lives: the operator runs it in a
    # terminal; a stalled download is seen and interrupted there, no server waits.
    assert _severities("backend/cmd/user/import.go", _GO_COBRA, "http-request-no-timeout") == [
        Severity.INFO
    ]

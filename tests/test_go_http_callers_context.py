"""A Go HTTP client without `Timeout` whose every request carries the caller's context:
the caller's deadline decides, which the diff does not show (judged on real commits,
bench/security_precision.py set R), so the finding is a summary line. A handler's own
request context, or a request without a context, keeps it inline."""

from __future__ import annotations

from bot.config import RepoConfig
from bot.diff import added_file
from bot.models import Finding, Severity
from bot.pipeline import review_files

UPLOAD = """package debug

import (
	"context"
	"net/http"
	"os"
)

func uploadClient() *http.Client {
	return &http.Client{CheckRedirect: rejectInsecureRedirect}
}

func upload(ctx context.Context, url, path string) error {
	body, err := os.Open(path)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "PUT", url, body)
	if err != nil {
		return err
	}
	resp, err := uploadClient().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
"""


def _timeouts(path: str, code: str) -> list[Finding]:
    found = review_files([added_file(path, code)], RepoConfig(llm=False)).findings
    return [f for f in found if f.rule == "http-request-no-timeout"]


def test_requests_on_the_callers_context_go_to_the_summary() -> None:
    found = _timeouts("client/internal/debug/upload.go", UPLOAD)
    assert [(f.line, f.severity) for f in found] == [(10, Severity.INFO)]
    assert "caller's deadline" in found[0].body


def test_a_request_without_the_callers_context_stays_inline() -> None:
    background = UPLOAD.replace(
        "NewRequestWithContext(ctx,", "NewRequestWithContext(context.Background(),"
    )
    assert [f.severity for f in _timeouts("client/upload.go", background)] == [Severity.MEDIUM]
    # A call that takes no context at all, beside the one that does.
    plain = UPLOAD + '\nfunc ping() { uploadClient().Get("https://example.com/ping") }\n'
    assert [f.severity for f in _timeouts("client/upload.go", plain)] == [Severity.MEDIUM]


def test_a_handler_passing_its_request_context_stays_inline() -> None:
    handler = UPLOAD.replace(
        "func upload(ctx context.Context, url, path string) error {",
        "func upload(w http.ResponseWriter, r *http.Request, ctx context.Context, url, path string)"
        " error {",
    )
    assert [f.severity for f in _timeouts("server/upload.go", handler)] == [Severity.MEDIUM]

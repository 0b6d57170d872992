"""Go's `InsecureSkipVerify: true` with a `VerifyPeerCertificate`/`VerifyConnection`
callback beside it verifies by hand (Cloud SQL's pattern, pinned keys): the summary, saying
the callback must verify. Without the callback it stays a comment."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files

CODE = """\
package db

import "crypto/tls"

func tlsConfig(pool *x509.CertPool, instance string) *tls.Config {
	return &tls.Config{
		RootCAs:            pool,
		InsecureSkipVerify: true,
%s
	}
}
"""
CALLBACK = """\
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			return verifyInstance(raw, pool, instance)
		},"""


def _tls(code: str) -> list[tuple[Severity, str]]:
    findings = review_files([added_file("internal/db/open.go", code)]).findings
    return [(f.severity, f.body) for f in findings if f.rule == "tls-verification-disabled"]


def test_a_callback_that_verifies_by_hand_goes_to_the_summary() -> None:
    [(severity, body)] = _tls(CODE % CALLBACK)
    assert severity is Severity.INFO
    assert "VerifyPeerCertificate" in body


def test_without_a_callback_it_stays_inline() -> None:
    [(severity, _)] = _tls(CODE % "")
    assert severity is not Severity.INFO

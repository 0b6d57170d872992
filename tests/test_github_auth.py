"""GitHub App auth: the JWT, installation tokens and their cache, against the fake."""

from __future__ import annotations

from collections.abc import Iterator

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from github_fake import FakeGitHub, github_fake_fixture, install_pr, typical_files  # noqa: F401

from bot.github import auth
from bot.github.errors import PermanentJobError
from bot.github.job import run_job
from bot.jobs import ReviewJob
from bot.settings import Settings


@pytest.fixture(scope="module")
def key_pair() -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    auth.forget_all()
    yield
    auth.forget_all()


def app_settings(fake: FakeGitHub, private: str, app_id: str = "4242") -> Settings:
    return Settings(
        GITHUB_API_URL=fake.url,
        GITHUB_TOKEN=None,
        GITHUB_APP_ID=app_id,
        GITHUB_APP_PRIVATE_KEY=private,
        ANTHROPIC_API_KEY=None,
    )


def test_jwt_claims(key_pair: tuple[str, str]) -> None:
    private, public = key_pair
    token = auth.app_jwt("4242", private, now=1_700_000_000)
    claims = jwt.decode(
        token, public, algorithms=["RS256"], options={"verify_exp": False, "verify_iat": False}
    )
    assert claims["iss"] == "4242"
    assert claims["iat"] == 1_700_000_000 - 60
    assert claims["exp"] - 1_700_000_000 <= 600


def test_installation_token_cached_until_forgotten(
    github_fake: FakeGitHub, key_pair: tuple[str, str]
) -> None:
    private, public = key_pair
    github_fake.public_key = public
    settings = app_settings(github_fake, private)

    first = auth.token_for(settings, 77)
    assert auth.token_for(settings, 77) == first
    assert github_fake.tokens_issued == 1
    [grant] = github_fake.calls("POST", r"/app/installations/77/access_tokens$")
    assert grant.status == 201

    auth.forget_installation(77)
    assert auth.token_for(settings, 77) != first
    assert github_fake.tokens_issued == 2


def test_app_review_job_uses_installation_token(
    github_fake: FakeGitHub, key_pair: tuple[str, str]
) -> None:
    private, public = key_pair
    github_fake.public_key = public
    base, head = typical_files()
    install_pr(github_fake, "acme/shop", 7, base, head, "a" * 40)
    job = ReviewJob(
        delivery_id="d",
        repo="acme/shop",
        pr_number=7,
        head_sha="a" * 40,
        trigger="opened",
        installation_id=77,
    )
    outcome = run_job(job, app_settings(github_fake, private))
    assert outcome.status == "posted"
    review_post = github_fake.calls("POST", r"/pulls/7/reviews$")[0]
    assert review_post.headers["authorization"].startswith("token ghs_installation_77_")


def test_wrong_app_id_is_permanent_and_leaks_nothing(
    github_fake: FakeGitHub, key_pair: tuple[str, str]
) -> None:
    private, public = key_pair
    github_fake.public_key = public
    with pytest.raises(PermanentJobError) as caught:
        auth.token_for(app_settings(github_fake, private, app_id="999"), 77)
    message = str(caught.value)
    assert "installation 77" in message
    assert "BEGIN" not in message and "eyJ" not in message


def test_bad_private_key_message_names_the_variable(github_fake: FakeGitHub) -> None:
    settings = app_settings(github_fake, "-----BEGIN PRIVATE KEY-----\nnot a key\n")
    with pytest.raises(PermanentJobError) as caught:
        auth.token_for(settings, 1)
    assert "GITHUB_APP_PRIVATE_KEY" in str(caught.value)
    assert "not a key" not in str(caught.value)
    assert caught.value.__cause__ is None

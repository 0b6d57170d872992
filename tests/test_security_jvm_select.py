"""Play and Akka configuration files are reviewed (the CSRF filter can be switched off there)."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import FileKind
from bot.select import classify, language_of


def test_play_and_akka_conf_files_are_hocon() -> None:
    assert language_of("conf/application.conf") == "hocon"
    assert language_of("services/web/conf/prod.conf") == "hocon"
    assert language_of("src/main/resources/application.conf") == "hocon"
    # Other `.conf` files (nginx, supervisord) are not Play configuration.
    assert language_of("deploy/nginx.conf") is None


def test_play_conf_is_kept_as_configuration() -> None:
    file = added_file("conf/application.conf", "play.filters.disabled += x\n")
    kind, language, _ = classify(file)
    assert (kind, language) == (FileKind.CONFIG, "hocon")

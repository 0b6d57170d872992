"""A Rails app whose defaults refuse redirects to another host: open-redirect findings
go to the summary, saying why; the same code in an older app keeps its comment."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files
from bot.schema.sources import schema_paths

_CONTROLLER = """class NeighboursController < ApplicationController
  def update
    @neighbour.update!(neighbour_params)
    redirect_to params[:return_to]
  end
end
"""
_OTHER_HOST = _CONTROLLER.replace(
    "redirect_to params[:return_to]", "redirect_to params[:return_to], allow_other_host: true"
)
_PATH = "app/controllers/neighbours_controller.rb"


def _app(version: str, extra: str = "") -> dict[str, str]:
    return {
        "config/application.rb": (
            "module Planning\n  class Application < Rails::Application\n"
            f"    config.load_defaults {version}\n{extra}  end\nend\n"
        )
    }


def _redirects(text: str, schema_files: dict[str, str] | None) -> list[tuple[Severity, str]]:
    found = review_files([added_file(_PATH, text)], schema_files=schema_files).findings
    return [(f.severity, f.body) for f in found if f.rule == "open-redirect"]


def test_rails_7_defaults_send_the_redirect_to_the_summary_with_the_reason() -> None:
    found = _redirects(_CONTROLLER, _app("8.1"))
    assert found and all(severity is Severity.INFO for severity, _ in found)
    assert all("raise_on_open_redirects" in body and "8.1" in body for _, body in found)


def test_older_defaults_or_none_keep_the_comment() -> None:
    for files in (_app("6.1"), None, {}):
        found = _redirects(_CONTROLLER, files)
        assert found and all(severity is not Severity.INFO for severity, _ in found), files


def test_protection_switched_off_or_another_host_allowed_keeps_the_comment() -> None:
    off = _app("7.1", "    config.action_controller.raise_on_open_redirects = false\n")
    assert all(s is not Severity.INFO for s, _ in _redirects(_CONTROLLER, off))
    assert all(s is not Severity.INFO for s, _ in _redirects(_OTHER_HOST, _app("7.1")))
    assert _redirects(_OTHER_HOST, _app("7.1"))


def test_an_upgrade_initializer_turning_the_protection_off_keeps_the_comment() -> None:
    files = _app("7.0") | {
        "config/initializers/new_framework_defaults_7_0.rb": (
            "Rails.application.config.action_controller.raise_on_open_redirects = false\n"
        )
    }
    found = _redirects(_CONTROLLER, files)
    assert found and all(s is not Severity.INFO for s, _ in found)


def test_a_version_that_is_not_a_number_keeps_the_comment() -> None:
    # `load_defaults Rails::VERSION::STRING.to_f`: which defaults load cannot be read.
    found = _redirects(_CONTROLLER, _app("Rails::VERSION::STRING.to_f"))
    assert found and all(s is not Severity.INFO for s, _ in found)


def test_the_app_config_is_fetched_with_the_schema_files() -> None:
    listing = [
        "config/application.rb",
        "config/environments/production.rb",
        "config/initializers/new_framework_defaults_7_0.rb",
        "config/initializers/devise.rb",
        "engines/billing/spec/dummy/config/application.rb",
        "app/models/user.rb",
    ]
    assert schema_paths(listing) == [
        "config/application.rb",
        "config/environments/production.rb",
        "config/initializers/new_framework_defaults_7_0.rb",
    ]

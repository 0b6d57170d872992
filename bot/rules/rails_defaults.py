"""What a Rails application's own configuration says about a redirect finding.

Rails 7.0 made `redirect_to` refuse another host: with `config.load_defaults 7.0` (or
later) in `config/application.rb`, `action_controller.raise_on_open_redirects` is on and
`redirect_to params[:return_to]` raises `ActionController::Redirecting::UnsafeRedirectError`
for a URL whose host is not the request's, unless the call passes `allow_other_host: true`
or the app turns the protection off. An open-redirect finding in such an application is
then a summary note, not a comment (judged on real commits: `bench/labels/
security_findings_freshAG.tsv`, a Rails 8.1 planning service's `redirect_to params[...]`).

The configuration is read from the repository at review time (`bot.schema.sources` lists
`config/application.rb`, `config/environments/production.rb` and the upgrade's
`config/initializers/new_framework_defaults*.rb` among the files fetched with the schema);
without it nothing changes. Pure: findings and texts in, findings out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence

from bot import lazyre as re
from bot.models import Finding, Severity

_RULE = "open-redirect"
_LOAD_DEFAULTS = re.compile(r"(?m)^[ \t]*config\.load_defaults[ \t(]+[\"']?(\d{1,2})\.(\d{1,2})")
_TURNED_OFF = re.compile(r"raise_on_open_redirects[ \t]{0,5}=[ \t]{0,5}false")
_OTHER_HOST = re.compile(r"allow_other_host\s{0,5}(?::|=>)\s{0,5}(?!false)")
CONFIG_FILES = ("config/application.rb", "config/environments/production.rb")
# Where an upgrade turns a new default off again (`new_framework_defaults_7_0.rb`).
_FRAMEWORK_DEFAULTS = re.compile(r"(?:^|/)config/initializers/new_framework_defaults\w{0,20}\.rb$")
NOTE = (
    "This Rails application loads the framework defaults of {version} "
    "(`config.load_defaults` in `{config}`), which turn on "
    "`raise_on_open_redirects`: `redirect_to` raises `UnsafeRedirectError` for a URL on "
    "another host unless the call passes `allow_other_host: true`. Noted in the summary; "
    "it matters again if the protection is switched off or the target is a path the "
    "browser reads as another host."
)


def app_config_path(path: str) -> bool:
    """Whether a repository path is one of the Rails configuration files read here."""
    return bool(_FRAMEWORK_DEFAULTS.search(path)) or any(
        path == name or path.endswith("/" + name) for name in CONFIG_FILES
    )


def _app_root(path: str, texts: Mapping[str, str]) -> str | None:
    """The nearest folder above `path` holding `config/application.rb` among `texts`."""
    folder = posixpath.dirname(path)
    while True:
        if posixpath.join(folder, CONFIG_FILES[0]) in texts:
            return folder
        if not folder:
            return None
        folder = posixpath.dirname(folder)


def protected_version(path: str, texts: Mapping[str, str]) -> tuple[str, str] | None:
    """(defaults version, config path) when the Rails app holding `path` refuses
    redirects to another host by default and does not switch that off."""
    root = _app_root(path, texts)
    if root is None:
        return None
    config = posixpath.join(root, CONFIG_FILES[0])
    found = _LOAD_DEFAULTS.search(texts[config])
    if found is None or (int(found.group(1)), int(found.group(2))) < (7, 0):
        return None
    own = [posixpath.join(root, name) for name in CONFIG_FILES]
    initializers = posixpath.join(root, "config/initializers/")
    own += [p for p in texts if p.startswith(initializers) and _FRAMEWORK_DEFAULTS.search(p)]
    if any(_TURNED_OFF.search(texts.get(p, "")) for p in own):
        return None
    return f"{found.group(1)}.{found.group(2)}", config


def redirects_under_rails_defaults(
    findings: Sequence[Finding], texts: Mapping[str, str]
) -> list[Finding]:
    """Open-redirect findings on Ruby files of an app whose defaults refuse another host
    move to the summary, with why; a call allowing another host keeps its finding."""
    out: list[Finding] = []
    for finding in findings:
        if (
            finding.rule != _RULE
            or finding.severity is Severity.INFO
            or not finding.path.endswith(".rb")
        ):
            out.append(finding)
            continue
        protected = protected_version(finding.path, texts)
        lines = texts.get(finding.path, "").splitlines()
        call = "\n".join(lines[finding.line - 1 : finding.end_line])
        if protected is None or _OTHER_HOST.search(call):
            out.append(finding)
            continue
        version, config = protected
        note = NOTE.format(version=version, config=config)
        out.append(
            finding.model_copy(
                update={"severity": Severity.INFO, "body": f"{finding.body}\n\n{note}"}
            )
        )
    return out

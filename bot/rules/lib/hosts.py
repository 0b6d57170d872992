"""Where an outbound request goes, read from the text of its URL: a host on the internet
written in the code, the machine itself or a service on the private network, or a
base URL the deployment configures. The timeout rule reports the first inline; for the
others a missing timeout depends on where that host runs, so they go to the summary."""

from __future__ import annotations

import ipaddress
from enum import StrEnum

from bot import lazyre as re


class Host(StrEnum):
    INTERNET = "internet"  # a dotted public name or address written in the code
    LOCAL = "local"  # localhost, a loopback/private address, a one-label service name
    CONFIGURED = "configured"  # a base URL from settings or the environment


_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//(?P<host>\[[^\]]*\]|[^/:?#\s{}%$<>\"'`]*)", re.I)
# Names that only resolve inside a site, a cluster or a compose network.
_PRIVATE_SUFFIXES = (".local", ".internal", ".lan", ".localhost", ".svc", ".cluster.local")
# A settings object or the environment at the start of the expression: the deployment
# decides the host, not the code.
_CONFIGURED = re.compile(
    r"^\s*(?:f?[\"'][{]?\s*)?(?:settings|django_settings|config|conf|cfg|app\.config|current_app\.config"
    r"|self\.(?:settings|config)|os\.environ|os\.getenv|env|environ|getenv|ENV|process\.env"
    r"|viper\.Get\w*|os\.Getenv)\b",
)
# A probe exists to notice a hung service; without a timeout it hangs with it.
_PROBE = re.compile(r"/(?:health|healthz|ping|ready|readyz|live|livez|status)\b", re.I)


def host_of_url(text: str) -> Host | None:
    """The kind of host a URL written at the start of `text` names, or None when the
    text does not start with a scheme and host (a variable, a path, a template)."""
    found = _URL.match(text)
    if found is None:
        return None
    host = found.group("host").strip("[]").lower()
    if not host:
        return None  # `f"http://{host}/x"`: the host is a run-time value
    if host == "localhost" or host.endswith(_PRIVATE_SUFFIXES):
        return Host.LOCAL
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return Host.LOCAL if "." not in host else Host.INTERNET
    return Host.LOCAL if not address.is_global else Host.INTERNET


def configured(expr: str) -> bool:
    """The expression starts from a settings object or the environment."""
    return _CONFIGURED.match(expr) is not None


def is_probe(text: str) -> bool:
    return _PROBE.search(text) is not None


def local_reason(kind: Host) -> str:
    where = (
        "this machine or a service on the private network"
        if kind is Host.LOCAL
        else "a host the deployment configures"
    )
    return (
        f"The request goes to {where}: whether a missing timeout matters depends on where "
        "that host runs and how it fails, so this is noted in the summary, not inline."
    )

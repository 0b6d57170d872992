"""What a cookie holds, by the name the code gives it: a missing `Secure` or `HttpOnly`
flag matters for a cookie that carries a credential (a session, a token, a user's id);
on a preference (`theme`, `lang`, `player-id`) or a cart it exposes nothing. (A cookie
set only to clear it is left out by the checks themselves.)"""

from __future__ import annotations

from bot import lazyre as re
from bot.rules.lib.scopes import words

# The name as the code writes it: `Name: "theme"`, `set_cookie("lang", …)`,
# `Cookies.Append(ThemeHelpers.CookieThemeKey, …)`, `new Cookie("player-id", …)`,
# `res.cookie('cart', …)`, `ResponseCookie.from("lang", …)`.
_FIELD = re.compile(r"""\bName\s*[:=]\s*(?:["'`]([\w.-]{1,60})["'`]|([A-Za-z_][\w.]{0,80}))""")
_CALL = re.compile(
    r"""\b(?:set_cookie|set_signed_cookie|setcookie|setCookie|cookie|Cookie|Append|from)"""
    r"""\s*\(\s*(?:key\s*=\s*)?(?:["'`]([\w.-]{1,60})["'`]|([A-Za-z_][\w.]{0,80})\s*[,)])"""
)
# Words of a name that says the cookie carries who the user is or what proves it.
_CREDENTIAL = frozenset(
    {
        "session",
        "sess",
        "sid",
        "ssid",
        "token",
        "tokens",
        "auth",
        "authentication",
        "jwt",
        "login",
        "remember",
        "rememberme",
        "access",
        "refresh",
        "user",
        "userid",
        "uid",
        "account",
        "identity",
        "credential",
        "credentials",
        "secret",
        "oauth",
        "saml",
        "sso",
        "pass",
        "password",
        "bearer",
        "apikey",
        "signin",
        "admin",
        "csrf",
        "xsrf",
    }
)
# Words of a name that says it holds a preference or a display state.
_PREFERENCE = frozenset(
    {
        "theme",
        "lang",
        "language",
        "locale",
        "culture",
        "timezone",
        "tz",
        "consent",
        "gdpr",
        "banner",
        "cart",
        "basket",
        "visits",
        "visit",
        "player",
        "tab",
        "sidebar",
        "layout",
        "view",
        "dark",
        "font",
        "currency",
        "region",
        "country",
        "tour",
        "seen",
        "dismissed",
        "hint",
        "notice",
        "announcement",
        "analytics",
        "tracking",
        "preference",
        "preferences",
        "prefs",
        "ui",
        "welcome",
        "onboarding",
        "zoom",
        "sort",
        "filter",
        "page",
        "collapsed",
        "expanded",
        "color",
        "colour",
        "skin",
    }
)


def cookie_name(lines: list[str]) -> str | None:
    for pattern in (_FIELD, _CALL):
        for text in lines:
            found = pattern.search(text)
            if found:
                return found.group(1) or found.group(2)
    return None


def preference_cookie(lines: list[str]) -> str | None:
    """The cookie's name when it says the cookie holds a preference; None when it may
    hold a credential or the name says neither."""
    name = cookie_name(lines)
    if name is None:
        return None
    last = name.rsplit(".", 1)[-1]
    parts = {w.lower() for w in words(last)}
    if parts & _CREDENTIAL or not parts & _PREFERENCE:
        return None
    return last

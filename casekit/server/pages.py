"""The few pages casekit's server writes itself (everything else is an app): the login, "the room is full", the
list of apps, and the messages the app page's own script shows when its connection is lost. Plain HTML, no
script or font from anywhere: they must work in a basement meeting room without internet.
"""
from __future__ import annotations

import html

from ..i18n import LANGUAGES, gettext, normalise_language

#: the apps a casekit server serves, in the order the index lists them
APP_TITLES = {"conference": "server.app_conference", "supervision": "server.app_supervision",
              "case_study": "server.app_case_study"}

_STYLE = """
body { background: #000; color: #fff; font: 24px/1.4 system-ui, sans-serif; margin: 0; }
main { max-width: 40em; margin: 10vh auto; padding: 0 1em; }
h1 { font-size: 36px; margin: 0 0 0.6em; }
a { color: #9cf; }
label { display: block; margin: 1em 0 0.3em; }
input[type=password] { font-size: 24px; padding: 0.3em; width: 100%; box-sizing: border-box; }
button { font-size: 24px; padding: 0.3em 1.2em; margin-top: 1em; }
.message { background: #5a0000; border: 2px solid #ff8080; padding: 0.5em 0.8em; margin: 1em 0; }
li { margin: 0.4em 0; }
"""


def page_language(accept_language: str | None, default: str | None) -> str:
    """Czech when the browser asks for Czech first, else the server's language."""
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip()
        if code:
            lang = normalise_language(code)
            if code.lower().startswith(lang):
                return lang
            break
    return normalise_language(default)


def _page(lang: str, title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>")


def login_page(lang: str, xsrf_form_html: str, next_url: str, message: str | None = None) -> str:
    title = gettext("server.login_title", lang)
    note = f'<p class="message" role="alert">{html.escape(message)}</p>' if message else ""
    return _page(lang, title, (
        f"<h1>{html.escape(title)}</h1>{note}"
        f'<form method="post" action="?next={html.escape(next_url, quote=True)}">{xsrf_form_html}'
        f'<label for="password_input">{html.escape(gettext("server.login_password", lang))}</label>'
        f'<input type="password" name="password" id="password_input" autocomplete="current-password" autofocus>'
        f'<button type="submit" id="login_submit">{html.escape(gettext("server.login_button", lang))}</button>'
        f"</form>"))


def room_full_page(lang: str, app: str, limit: int) -> str:
    title = gettext("server.room_full_title", lang)
    return _page(lang, title, (
        f'<h1 id="casekit-room-full">{html.escape(title)}</h1>'
        f"<p>{html.escape(gettext('server.room_full_text', lang, limit=limit))}</p>"
        f"<p>{html.escape(gettext('server.room_full_hint', lang))}</p>"))


def refused_page(lang: str) -> str:
    title = gettext("server.host_refused_title", lang)
    return _page(lang, title, f"<h1>{html.escape(title)}</h1><p>{html.escape(gettext('server.host_refused', lang))}</p>")


def index_page(lang: str, base_url: str, apps: list[str]) -> str:
    title = gettext("server.index_title", lang)
    items = "".join(
        f'<li><a href="{html.escape(base_url)}voila/render/{html.escape(app)}.ipynb">'
        f"{html.escape(gettext(APP_TITLES.get(app, 'server.app_other'), lang, name=app))}</a></li>"
        for app in apps)
    return _page(lang, title, f"<h1>{html.escape(title)}</h1><ul>{items}</ul>")


def connection_messages() -> dict[str, dict[str, str]]:
    """What the app page's script says when its kernel is gone, in every language (it picks the app's)."""
    keys = {"title": "server.connection_lost_title", "text": "server.connection_lost_text",
            "reload": "server.connection_lost_reload"}
    return {lang: {name: gettext(key, lang) for name, key in keys.items()} for lang in LANGUAGES}

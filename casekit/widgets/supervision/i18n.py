"""Language helpers of the supervision app: the views, translated texts (``sv.*`` and shared keys), dates."""
from __future__ import annotations

from ...i18n import gettext
from ..conference.i18n import fmt_date, language

#: The views of the app, in the order of their buttons (``SupervisionApp.view_keys``).
VIEW_KEYS = ("dashboard", "case", "session", "gaps")


def t(key: str, lang: str, **params) -> str:
    """A message of the catalogues (``sv.*``, ``caseload.*``, ``gaps.*``, ``conf.*`` …) in ``lang``."""
    return gettext(key, lang, **params)


def view_title(key: str, lang: str) -> str:
    return gettext(f"sv.view_{key}", lang)


__all__ = ["VIEW_KEYS", "fmt_date", "language", "t", "view_title"]

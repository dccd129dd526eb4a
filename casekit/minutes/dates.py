"""Dates as people write them: ``5. 3. 2025`` in Czech, ``5 March 2025`` in English.

The pattern of each language is a message of the catalogues (``ui.date_format``), so a new language brings its
own; Babel's CLDR data supplies month names offline.
"""
from __future__ import annotations

from datetime import date

from ..i18n import gettext, normalise_language


def format_date(value: date | None, lang: str) -> str:
    """``value`` in ``lang`` (``""`` for no date)."""
    if value is None:
        return ""
    from babel.dates import format_date as _babel_format

    lang = normalise_language(lang)
    return _babel_format(value, gettext("ui.date_format", lang), locale=lang)

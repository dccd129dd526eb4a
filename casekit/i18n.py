"""Translations for every user-facing string, in Czech and English.

Messages live in gettext catalogues (``casekit/locale/<lang>/LC_MESSAGES/*.po``: ``casekit.po`` and one
file per area, each key in one file only) read with Babel, the well-kept i18n library behind most Python web frameworks. Message ids are stable keys
such as ``phase.contact`` or ``errors.missing``; the English catalogue holds the English text.

The language comes from ``set_language()``, else ``CASEKIT_LANG`` (``cs`` or ``en``), else English.
A message missing in Czech falls back to English; one missing in both returns its key, and the test
suite fails on any such key.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("cs", "en")
FALLBACK = "en"
_LOCALE_DIR = Path(__file__).with_name("locale")
_override: ContextVar[str | None] = ContextVar("casekit_lang", default=None)


def normalise_language(lang: str | None) -> str:
    """Map ``cs_CZ.UTF-8``, ``CS`` or ``en-GB`` to ``cs`` / ``en``; anything else to English."""
    if not lang:
        return FALLBACK
    code = lang.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in LANGUAGES else FALLBACK


def current_language() -> str:
    """The language in force: ``set_language`` / ``language()`` first, then ``CASEKIT_LANG``."""
    return normalise_language(_override.get() or os.environ.get("CASEKIT_LANG"))


def set_language(lang: str | None) -> None:
    """Set the language for this thread/context (``None`` returns to ``CASEKIT_LANG``)."""
    _override.set(normalise_language(lang) if lang else None)


@contextmanager
def language(lang: str):
    """``with language("cs"): ...`` translates into Czech inside the block."""
    token = _override.set(normalise_language(lang))
    try:
        yield
    finally:
        _override.reset(token)


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    """All translated messages of one language as ``{key: text}`` (empty texts left out)."""
    messages: dict[str, str] = {}
    for path in catalogue_files(lang):
        messages.update(read_catalogue(path, lang))
    return messages


def catalogue_files(lang: str) -> list[Path]:
    """The catalogues of one language: ``casekit.po`` and one file per area (``instruments.po`` …)."""
    return sorted((_LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po"))


def read_catalogue(path: Path, lang: str) -> dict[str, str]:
    """One ``.po`` file as ``{key: text}`` (empty texts left out)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        cat = read_po(handle, locale=lang)
    return {m.id: m.string for m in cat if m.id and isinstance(m.id, str) and m.string}


def has_message(key: str, lang: str) -> bool:
    return key in catalog(lang)


def gettext(key: str, lang: str | None = None, /, **params) -> str:
    """Translate ``key`` into ``lang`` (default: the current language) and fill ``{params}``."""
    lang = normalise_language(lang) if lang else current_language()
    text = catalog(lang).get(key) or catalog(FALLBACK).get(key) or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


_ = gettext


# -- the one formatter: dates, numbers and plurals as each language writes them ----------------------------
#: how a date is written: ``short`` in tables and fields (``7. 12. 2026`` / ``7 Dec 2026``), ``long`` in
#: documents (``7. prosince 2026`` / ``7 December 2026``)
_DATE_PATTERNS = {"cs": {"short": "d. M. y", "long": "d. MMMM y"}, "en": {"short": "d MMM y", "long": "d MMMM y"}}
_BABEL_LOCALES = {"cs": "cs_CZ", "en": "en_GB"}


def format_date(value, lang: str | None = None, style: str = "short", empty: str = "") -> str:
    """A date as ``lang`` writes it (``empty`` for no date). Babel's CLDR data supplies month names offline."""
    if value is None:
        return empty
    from babel.dates import format_date as babel_format_date

    lang = normalise_language(lang) if lang else current_language()
    return babel_format_date(value, _DATE_PATTERNS[lang][style], locale=_BABEL_LOCALES[lang])


def format_number(value, lang: str | None = None, digits: int = 0) -> str:
    """``40,5`` in Czech, ``40.5`` in English; ``digits`` decimals (trailing zeros kept)."""
    from babel.numbers import format_decimal

    lang = normalise_language(lang) if lang else current_language()
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=_BABEL_LOCALES[lang])


def plural_form(n: int, lang: str | None = None) -> str:
    """CLDR's plural category of ``n`` in ``lang``: ``one``, ``few``, ``many`` or ``other``."""
    from babel import Locale

    lang = normalise_language(lang) if lang else current_language()
    return Locale.parse(_BABEL_LOCALES[lang]).plural_form(abs(n))


def ngettext(key: str, n: int, lang: str | None = None, /, **params) -> str:
    """The plural of ``key`` for ``n``: the message ``<key>.<form>`` (``one``/``few``/``many``/``other``,
    falling back to ``<key>.other``) with ``{count}`` filled in. ``1 unmet need``, ``5 nenaplněných potřeb``."""
    lang = normalise_language(lang) if lang else current_language()
    form = plural_form(n, lang)
    chosen = f"{key}.{form}" if f"{key}.{form}" in catalog(lang) or f"{key}.{form}" in catalog(FALLBACK) \
        else f"{key}.other"
    return gettext(chosen, lang, count=n, **params)


#: what a date field accepts besides ISO ``2026-12-07``: ``7. 12. 2026``, ``7.12.2026``, ``7/12/2026``
_NUMERIC_DATE = r"^\s*(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})\s*$"


def parse_date(text: str, lang: str | None = None):
    """A date typed the way people write it: ``7. 12. 2026`` (day first, in both languages), ``2026-12-07``, or
    with the month's name in ``lang`` (``7 Dec 2026``, ``7. prosince 2026``). ``None`` for an empty text;
    ``ValueError`` for anything else."""
    import re
    from datetime import date, datetime

    text = (text or "").strip()
    if not text:
        return None
    match = re.match(_NUMERIC_DATE, text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    lang = normalise_language(lang) if lang else current_language()
    for candidate in (lang, "en" if lang == "cs" else "cs"):
        names = _month_names(candidate)
        words = re.findall(r"[^\W\d_]+", text.lower())
        numbers = re.findall(r"\d+", text)
        month = next((names[w] for w in words if w in names), None)
        if month and len(numbers) == 2:
            day, year = int(numbers[0]), int(numbers[1])
            return date(year, month, day)
    raise ValueError(text)


@lru_cache(maxsize=None)
def _month_names(lang: str) -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=_BABEL_LOCALES[lang]).items():
                names[name.lower().rstrip(".")] = number
    return names

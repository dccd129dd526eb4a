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

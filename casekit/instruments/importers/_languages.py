"""Language columns of a source: ``English (en)``, ``Čeština (cs)``, ``French``, ``Español (es)``, ``ar`` → a code.

XLSForm names the language of a column after ``::`` (or a single ``:`` in older forms): by a name, a code in
parentheses, or both. A code in parentheses wins; otherwise the name is looked up among the language names
CLDR (through Babel) gives in English, in Czech and in the language itself.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..definition import is_language_code

#: Spellings seen in real forms that CLDR does not list (no diacritics, short forms).
_EXTRA = {
    "eng": "en", "english": "en", "anglictina": "en", "cz": "cs", "cze": "cs", "ces": "cs", "czech": "cs",
    "cestina": "cs", "cesky": "cs", "česky": "cs", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de",
    "spa": "es", "ara": "ar", "por": "pt", "rus": "ru", "ukr": "uk", "pol": "pl", "slk": "sk", "slo": "sk",
    "slovak": "sk", "slovencina": "sk", "swahili": "sw", "kiswahili": "sw",
}


def _fold(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Folded language name → code, from CLDR's names in English and Czech (and each language's own)."""
    from babel import Locale

    names: dict[str, str] = {}
    for display in ("cs", "en"):
        for code, name in Locale.parse(display).languages.items():
            if "_" not in code and is_language_code(code):
                names.setdefault(_fold(name), code)
    return names


@lru_cache(maxsize=1)
def _native() -> dict[str, str]:
    """Languages named in themselves (``Deutsch``, ``Français``, ``العربية``): built once, only when needed."""
    from babel import Locale, localedata

    names: dict[str, str] = {}
    for code in localedata.locale_identifiers():
        if "_" in code:
            continue
        try:
            own = Locale.parse(code).get_language_name(code)
        except Exception:  # noqa: BLE001 - a locale without its own name
            continue
        if own:
            names.setdefault(_fold(own), code)
    return names


def language_code(text: str) -> str | None:
    """The code of the language a column names, or None when it names none casekit knows."""
    text = text.strip()
    m = re.search(r"\(([^()]+)\)\s*$", text)
    if m:
        parts = m.group(1).strip().replace("-", "_").split("_")
        parts[0] = _EXTRA.get(parts[0].lower(), parts[0].lower()) if len(parts[0]) <= 3 else parts[0].lower()
        for code in ("_".join(parts), parts[0]):
            if is_language_code(code):
                return code
        text = text[: m.start()]
    folded = _fold(text)
    if not folded:
        return None
    if folded in _EXTRA:
        return _EXTRA[folded]
    if is_language_code(folded) and len(folded) <= 3:
        return folded
    return _names().get(folded) or _native().get(folded)

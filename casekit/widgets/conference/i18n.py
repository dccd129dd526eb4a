"""Language helpers of the conference app: translated texts, field labels, dropdown options, dates."""
from __future__ import annotations

from datetime import date
from typing import Iterable

from ...i18n import LANGUAGES, gettext, normalise_language
from ...vocab import Vocabulary

#: The steps of a conference, in order (``ConferenceApp.step_keys``).
STEP_KEYS = ("start", "opening", "story", "assessment", "network", "plan", "review", "close")


def t(key: str, lang: str, **params) -> str:
    """A ``conf.*`` (or any other) message in ``lang``."""
    return gettext(key, lang, **params)


def field(name: str, lang: str) -> str:
    """The label of a model field (``field.<name>`` in the catalogues)."""
    return gettext(f"field.{name}", lang)


def step_title(key: str, lang: str) -> str:
    return gettext(f"conf.step_{key}", lang)


def options(vocab: type[Vocabulary], lang: str, *, only: Iterable[Vocabulary] | None = None) -> list[tuple[str, str]]:
    """``[(label, code)]`` for a dropdown, optionally limited to some members."""
    members = list(only) if only is not None else list(vocab)
    return [(m.label(lang), m.value) for m in members]


def language(lang: str | None) -> str:
    code = normalise_language(lang)
    return code if code in LANGUAGES else "en"


def fmt_date(value: date | None, lang: str) -> str:
    """``10. 4. 2024`` in Czech, ``2024-04-10`` in English; ``–`` for no date."""
    if value is None:
        return "–"
    if lang == "cs":
        return f"{value.day}. {value.month}. {value.year}"
    return value.isoformat()

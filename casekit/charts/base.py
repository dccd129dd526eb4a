"""Shared helpers of casekit's charts: labels in the current language, colours, input checks.

Nothing here imports Altair; the chart modules import it inside their functions, so that importing
``casekit.charts`` stays cheap (``import altair`` costs more than a second).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from ..errors import InvalidData
from ..i18n import current_language, gettext, normalise_language
from ..vocab import LifeDomain, Perspective

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..instruments import Instrument

#: Okabe–Ito colours: told apart with colour-blindness, on white and on a dark projector background.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#999999")
#: A fixed colour per perspective, the same in every chart.
PERSPECTIVE_COLOURS = {Perspective.CLIENT.value: PALETTE[0], Perspective.WORKER.value: PALETTE[1],
                       Perspective.ACTOR.value: PALETTE[2]}
GRID = "#9a9a9a"


def lang_of(lang: str | None) -> str:
    return normalise_language(lang) if lang else current_language()


def text(key: str, lang: str, **params) -> str:
    return gettext(key, lang, **params)


def shorten(value: str, limit: int = 40) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def require_columns(frame: "pd.DataFrame", columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InvalidData("errors.chart_missing_columns", columns=", ".join(missing))


def domain_label(domain_id: str, instrument: "Instrument | None", lang: str) -> str:
    """The title of an instrument's domain, else the life-domain label, else the id itself."""
    if instrument is not None:
        for domain in instrument.domains:
            if domain.id == domain_id:
                return domain.title.get(lang)
    try:
        return LifeDomain(domain_id).label(lang)
    except ValueError:
        return str(domain_id)


def item_label(item_id: str, instrument: "Instrument | None", lang: str, limit: int = 40) -> str:
    if instrument is not None:
        try:
            return shorten(instrument.item(item_id).label.get(lang), limit)
        except KeyError:
            pass
    return str(item_id)


def perspective_label(code: str, lang: str) -> str:
    try:
        return Perspective(code).label(lang)
    except ValueError:
        return str(code)


def colours_for(perspectives: Sequence[str]) -> list[str]:
    """One colour per series: its perspective's own colour, else the next free colour of the palette."""
    used: list[str] = []
    for perspective in perspectives:
        colour = PERSPECTIVE_COLOURS.get(perspective)
        if colour is None or colour in used:
            free = [c for c in PALETTE if c not in used]
            colour = free[0] if free else PALETTE[len(used) % len(PALETTE)]
        used.append(colour)
    return used


def numeric_values(frame: "pd.DataFrame") -> "pd.Series":
    """The ``value`` column of a long frame as floats: NaN for no answer and for ``missing`` answers."""
    import pandas as pd

    raw = frame["value"]
    if pd.api.types.is_bool_dtype(raw.dtype):
        numbers = raw.astype("Float64")
    else:
        numbers = pd.to_numeric(raw.astype(object), errors="coerce")
    numbers = pd.Series(numbers, index=frame.index).astype("float64")
    if "missing" in frame.columns:
        numbers = numbers.mask(frame["missing"].fillna(False).astype(bool))
    return numbers

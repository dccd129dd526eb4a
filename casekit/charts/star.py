"""The needs star (radar): one spoke per domain or item, one closed polygon per perspective, overlaid.

Altair has no polar line mark, so :func:`star_frame` computes each point's ``x``/``y`` with trigonometry
and :func:`needs_star` draws line, point and text layers on hidden axes of equal length.

The input is the tidy long frame of :func:`casekit.instruments.long_frame` (or the assessments
themselves together with their instrument). A *series* — one polygon — is one perspective: the client,
the worker, and each other actor of the network (kept apart by ``actor_id``, else by rater); when a series
has several assessments, the latest (by date) is drawn. Perspectives are overlaid, never merged.

Choosing what a spoke shows:

- ``items``: which items count — ``None`` (every item with number answers: scale, number, yes/no), a
  pattern (``"*_severity"``) or a list of item ids;
- ``by="domain"`` (one spoke per domain: the mean of its chosen items) or ``by="item"``;
- ``fill``: the value of unanswered and hidden items (default: left out — the line joins the neighbours).
  Answers that are levels marked ``missing: true`` ("not known") are never drawn.

For casekit's needs assessment, ``needs_star(frame, items="*_status")`` shows no need (0), met (1) and
unmet (2) per life domain; ``needs_star(frame, items="*_severity", fill=0)`` shows severity 1–5 with
"no need" at the centre.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from .base import GRID, colours_for, lang_of, text
from .star_data import point, star_frame

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from ..instruments import Instrument

_LIMIT = 1.45  # half the width of the hidden axes; the spokes have length 1
_LABEL_RADIUS = 1.1


def _rings(low: float, high: float, n: int) -> "pd.DataFrame":
    import numpy as np
    import pandas as pd

    if high - low <= 10 and float(low).is_integer():
        ticks = [float(t) for t in range(int(math.floor(low)) + 1, int(math.floor(high)) + 1)]
    else:
        ticks = [float(t) for t in np.linspace(low, high, 5)[1:]]
    rows = []
    for tick in ticks:
        radius = (tick - low) / (high - low)
        for position in range(n + 1):
            x, y = point(radius, position % n, n)
            rows.append({"ring": tick, "ring_label": f"{tick:g}", "order": position, "x": x, "y": y})
    return pd.DataFrame(rows, columns=["ring", "ring_label", "order", "x", "y"])


def _spokes(points: "pd.DataFrame") -> "pd.DataFrame":
    spokes = points.drop_duplicates("spoke")[["spoke", "spoke_label", "order"]].copy()
    n = max(len(spokes), 1)
    tips = [point(1.0, o, n) for o in spokes["order"]]
    ends = [point(_LABEL_RADIUS, o, n) for o in spokes["order"]]
    spokes["x"], spokes["y"] = 0.0, 0.0
    spokes["x2"], spokes["y2"] = [t[0] for t in tips], [t[1] for t in tips]
    # side labels start at the tip; the labels of (nearly) vertical spokes sit above or below it
    spokes["label_x"] = [e[0] for e in ends]
    spokes["label_y"] = [e[1] for e in ends]
    spokes["anchor"] = ["left" if e[0] > 0.05 else "right" if e[0] < -0.05 else "top" if e[1] > 0 else "bottom"
                        for e in ends]
    return spokes


_ANCHORS = {"left": ("left", "middle"), "right": ("right", "middle"), "top": ("center", "bottom"),
            "bottom": ("center", "top")}


_LARGE_FONT = 19  # spoke labels with ``large=True``
_FONT_GUESS = 22  # the spoke labels' font otherwise (what casekit.charts.projector sets)
_WRAP = 14  # characters per line of a wrapped spoke label
_BOLD_CHAR = 0.6  # width of an average bold character, in font sizes (DejaVu Sans Bold, mixed case)
_MIN_SIZE = 220


def _wrap(label: str, limit: int) -> str:
    """``label`` on lines of at most ``limit`` characters (a longer word keeps a line of its own)."""
    lines: list[str] = []
    for word in str(label).split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _fitted_size(spokes: "pd.DataFrame", width: int, font: int, *, wrapped: bool) -> int:
    """The ``size`` that makes the star, with the labels beside its side spokes, about ``width`` wide."""
    column = "spoke_lines" if wrapped else "spoke_label"
    side = spokes[spokes["anchor"].isin(("left", "right"))]
    longest = max((len(line) for text in side[column] for line in str(text).split("\n")), default=0)
    label = longest * _BOLD_CHAR * font + 6
    half = width / 2 - 6  # Vega's padding
    per_unit = min((half - label) / _LABEL_RADIUS, half / _LIMIT)
    return max(int(2 * _LIMIT * per_unit), _MIN_SIZE)


def _closed(points: "pd.DataFrame") -> "pd.DataFrame":
    """The drawn points of each series with the first repeated at the end, so that the line closes."""
    import pandas as pd

    rank = {key: i for i, key in enumerate(dict.fromkeys(points["series"]))}
    drawn = points.dropna(subset=["x"])
    drawn = drawn.assign(_rank=drawn["series"].map(rank)).sort_values(["_rank", "order"], kind="stable")
    firsts = drawn.groupby("series", sort=False).head(1).copy()
    firsts["order"] = firsts["order"] + len(points["spoke"].unique())
    return pd.concat([drawn, firsts], ignore_index=True).sort_values(["_rank", "order"], kind="stable").drop(
        columns="_rank").reset_index(drop=True)


def needs_star(data, instrument: "Instrument | None" = None, perspectives: Sequence[str] | None = None, *,
               by: str = "domain", items: str | Sequence[str] | None = None, fill: float | None = None,
               case_id: str | None = None, scale: tuple[float, float] | None = None,
               series: str = "perspective", series_labels: Mapping[str, str] | None = None, title: str | None = None,
               size: int = 460, lang: str | None = None, large: bool = False,
               width: int | None = None) -> "alt.LayerChart":
    """The needs star of one case: one spoke per domain (or item), one closed polygon per perspective.

    ``data``: a long frame of :func:`casekit.instruments.long_frame` (one case; or pass ``case_id``), or
    assessments together with their ``instrument``. ``perspectives``: which ones to draw, in this order
    (default: all, client, worker, then actors). ``by``, ``items``, ``fill``: see the module docs.
    ``scale``: the values at the centre and at the tip of a spoke (default: from the instrument's levels,
    else from the data; the centre is at most 0). ``series="rater"`` draws one polygon per rater instead
    of per perspective (for a reliability study where several raters share one perspective).
    ``series_labels``: legend labels by series key (``"client"``, ``"worker"``, ``"actor:<actor id>"``,
    ``"rater:<name>"``). Labels follow ``lang`` (default: the current
    language). Raises :class:`~casekit.errors.InvalidData` for a frame it cannot draw.

    For a projector: ``large=True`` sets the spoke labels in 19 px bold, wrapped onto short lines, with
    thicker lines and bigger points; ``width`` (pixels) chooses ``size`` so that the whole star, its spoke
    labels included, is about that wide (scaled to a pane of that width, its text keeps its nominal size).
    """
    import altair as alt

    lang = lang_of(lang)
    points = star_frame(data, instrument, by=by, items=items, perspectives=perspectives, fill=fill,
                        case_id=case_id, scale=scale, series=series, series_labels=series_labels, lang=lang)
    n = len(points["spoke"].unique())
    low, high = float(points["low"].iloc[0]), float(points["high"].iloc[0])
    heads = points.drop_duplicates("series")
    names = list(heads["series_label"])
    legend_title = text("ui.chart.rater" if series == "rater" else "ui.chart.perspective", lang)
    colour = alt.Color("series_label:N", title=legend_title,
                       scale=alt.Scale(domain=names, range=colours_for(
                           list(heads["perspective"]) if series == "perspective" else list(heads["series"]))),
                       legend=alt.Legend(orient="bottom"))
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-_LIMIT, _LIMIT]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[-_LIMIT, _LIMIT]))
    rings = _rings(low, high, n)
    spokes = _spokes(points)
    font = _LARGE_FONT if large else None
    label_text = "spoke_label:N"
    if large:
        spokes["spoke_lines"] = [_wrap(label, _WRAP) for label in spokes["spoke_label"]]
        label_text = "spoke_lines:N"
    if width:
        size = _fitted_size(spokes, int(width), font or _FONT_GUESS, wrapped=large)
    if large:  # each side label as wide as the room beside its spoke allows (fewer lines, fewer collisions)
        half = (width or size * 1.3) / 2 - 6
        per_unit = size / (2 * _LIMIT)
        spokes["spoke_lines"] = [
            _wrap(label, _WRAP if anchor in ("top", "bottom") else max(
                _WRAP, int((half - abs(lx) * per_unit - 8) / (_BOLD_CHAR * font))))
            for label, anchor, lx in zip(spokes["spoke_label"], spokes["anchor"], spokes["label_x"])]
    value_title = text("ui.chart.value", lang)
    layers: list[Any] = [
        alt.Chart(rings).mark_line(color=GRID, strokeWidth=1, opacity=0.7).encode(
            x=x, y=y, detail="ring:N", order="order:Q"),
        alt.Chart(spokes).mark_rule(color=GRID, strokeWidth=1).encode(x=x, y=y, x2="x2:Q", y2="y2:Q"),
        alt.Chart(rings[rings["order"] == 0]).mark_text(
            align="left", dx=4, dy=-2, color=GRID, **({"fontSize": font} if font else {})).encode(
            x=x, y=y, text="ring_label:N"),
    ]
    look = {"fontSize": font, "lineBreak": "\n", "lineHeight": round(font * 1.1)} if font else {}
    for anchor, (align, baseline) in _ANCHORS.items():
        subset = spokes[spokes["anchor"] == anchor]
        if not subset.empty:
            away = {"top": {"dy": -4}, "bottom": {"dy": 4}}.get(anchor, {}) if font else {}
            layers.append(alt.Chart(subset).mark_text(align=align, baseline=baseline, fontWeight="bold",
                                                      **look, **away).encode(
                x=alt.X("label_x:Q", axis=None, scale=alt.Scale(domain=[-_LIMIT, _LIMIT])),
                y=alt.Y("label_y:Q", axis=None, scale=alt.Scale(domain=[-_LIMIT, _LIMIT])),
                text=label_text))
    tooltip = [alt.Tooltip("series_label:N", title=legend_title),
               alt.Tooltip("spoke_label:N", title=text(f"ui.chart.{by}", lang)),
               alt.Tooltip("value:Q", title=value_title, format=".2~f")]
    layers += [
        alt.Chart(_closed(points)).mark_line(strokeWidth=4 if large else 3).encode(
            x=x, y=y, color=colour, detail="series:N", order="order:Q",
            strokeDash=alt.StrokeDash("series_label:N", title=legend_title,
                                      scale=alt.Scale(domain=names), legend=alt.Legend(orient="bottom"))),
        alt.Chart(points.dropna(subset=["x"])).mark_point(filled=True, size=160 if large else 90, opacity=1).encode(
            x=x, y=y, color=colour, tooltip=tooltip),
    ]
    subtitle = instrument.title.get(lang) if instrument is not None else ""
    default = "ui.chart.needs_star.title" if by == "domain" else "ui.chart.needs_star.title_items"
    heading = alt.TitleParams(title if title is not None else text(default, lang),
                              subtitle=subtitle or alt.Undefined, anchor="middle")
    return alt.layer(*layers).properties(width=size, height=size, title=heading,
                                         view=alt.ViewBackground(stroke=None))

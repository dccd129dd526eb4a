"""The points of the needs star: which values, which series, and where they sit (see :mod:`.star`).

:func:`star_frame` turns a long frame (or assessments) into one row per series × spoke with the value,
its radius (0 at the centre, 1 at the tip of a spoke) and ``x``/``y``; the first spoke points up and the
others follow clockwise. pandas only — no Altair here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from ..errors import InvalidData
from ..vocab import Perspective
from .base import domain_label, item_label, lang_of, numeric_values, perspective_label, require_columns

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..instruments import Assessment, Instrument

BY = ("domain", "item")
SERIES = ("perspective", "rater")
COLUMNS = ("case_id", "assessment_id", "date", "perspective", "rater", "domain", "item", "value")
_NUMERIC_TYPES = ("scale", "number", "yesno")


def as_long_frame(data: "pd.DataFrame | Assessment | Iterable[Assessment]", instrument: "Instrument | None",
                  lang: str | None = None) -> "pd.DataFrame":
    """A long frame as it is, or assessments turned into one (they need their instrument)."""
    import pandas as pd

    from ..instruments import Assessment, long_frame

    if isinstance(data, pd.DataFrame):
        return data
    assessments = [data] if isinstance(data, Assessment) else list(data)
    if instrument is None:
        raise InvalidData("errors.chart_needs_instrument")
    return long_frame(assessments, instrument, lang)


def _chosen_items(frame: "pd.DataFrame", numbers: "pd.Series", instrument, items) -> list[str]:
    present = list(dict.fromkeys(frame["item"].astype(str)))
    if isinstance(items, str):
        return [i for i in present if fnmatchcase(i, items)]
    if items is not None:
        wanted = set(items)
        return [i for i in present if i in wanted]
    if instrument is not None:
        kinds = {i.id: i.type.value for i in instrument.items()}
        return [i for i in present if kinds.get(i) in _NUMERIC_TYPES]
    answered = set(frame.loc[numbers.notna(), "item"].astype(str))
    return [i for i in present if i in answered]


def _series(frame: "pd.DataFrame", kind: str) -> "pd.Series":
    if kind == "rater":
        return "rater:" + frame["rater"].astype(str)
    actor = frame["actor_id"] if "actor_id" in frame.columns else frame["rater"]
    actor = actor.fillna(frame["rater"]).astype(str)
    perspective = frame["perspective"].astype(str)
    return perspective.where(perspective != Perspective.ACTOR.value, "actor:" + actor)


def _scale_of(instrument, item_ids: Sequence[str], values: Iterable, fill) -> tuple[float, float]:
    bounds: list[float] = [0.0]
    if fill is not None:
        bounds.append(float(fill))
    if instrument is not None:
        for item_id in item_ids:
            try:
                item = instrument.item(item_id)
            except KeyError:
                continue
            bounds += [float(lv.value) for lv in item.levels if not lv.missing and isinstance(lv.value, int)]
            bounds += [float(b) for b in (item.min, item.max) if b is not None]
            if item.type.value == "yesno":
                bounds += [0.0, 1.0]
    present = [float(v) for v in values if v is not None and v == v]  # NaN is not equal to itself
    if present:
        bounds += [min(present), max(present)]
    lo, hi = min(bounds), max(bounds)
    return (lo, hi) if hi > lo else (lo, lo + 1.0)


def point(radius: float, order: int, n: int) -> tuple[float, float]:
    angle = math.pi / 2 - 2 * math.pi * order / n  # the first spoke points up; clockwise
    return round(radius * math.cos(angle), 6) + 0.0, round(radius * math.sin(angle), 6) + 0.0


def star_frame(data, instrument: "Instrument | None" = None, *, by: str = "domain",
               items: str | Sequence[str] | None = None, perspectives: Sequence[str] | None = None,
               fill: float | None = None, case_id: str | None = None, scale: tuple[float, float] | None = None,
               series: str = "perspective", series_labels: Mapping[str, str] | None = None,
               lang: str | None = None) -> "pd.DataFrame":
    """The star's points: one row per series × spoke, with ``value``, ``radius`` (0–1), ``x``, ``y``.

    Columns: ``series``, ``series_label``, ``perspective``, ``spoke``, ``spoke_label``, ``order`` (the
    spoke's position), ``value`` (NaN when there is nothing to draw), ``radius``, ``x``, ``y``, ``low``,
    ``high`` (the values at the centre and at the tip of a spoke). Arguments as in :func:`needs_star`.
    """
    import pandas as pd

    lang = lang_of(lang)
    if by not in BY:
        raise InvalidData("errors.chart_bad_choice", name="by", value=by, choices=", ".join(BY))
    if series not in SERIES:
        raise InvalidData("errors.chart_bad_choice", name="series", value=series, choices=", ".join(SERIES))
    frame = as_long_frame(data, instrument, lang)
    require_columns(frame, COLUMNS)
    if case_id is not None:
        frame = frame[frame["case_id"].astype(str) == str(case_id)]
    cases = list(dict.fromkeys(frame["case_id"].dropna().astype(str)))
    if len(cases) > 1:
        raise InvalidData("errors.chart_several_cases", cases=", ".join(cases[:5]))
    numbers = numeric_values(frame)
    chosen = _chosen_items(frame, numbers, instrument, items)
    if not chosen:
        raise InvalidData("errors.chart_no_items")
    keep = frame["item"].astype(str).isin(chosen)
    frame, numbers = frame[keep].copy(), numbers[keep]
    if fill is not None:
        numbers = numbers.fillna(float(fill))
    frame["_value"] = numbers
    frame["_series"] = _series(frame, series)
    # the latest assessment of each series
    ordered = frame.assign(_row=range(len(frame))).sort_values(["date", "_row"], kind="stable")
    latest = ordered.groupby("_series", sort=False)["assessment_id"].last()
    frame = frame[frame["assessment_id"].isin(set(latest))]

    order = [p.value for p in Perspective]
    if perspectives is not None:
        order = [Perspective(p).value for p in perspectives]
        frame = frame[frame["perspective"].astype(str).isin(order)]
    heads = frame.drop_duplicates("_series")[["_series", "perspective", "rater"]]
    heads = heads.assign(_rank=heads["perspective"].astype(str).map(order.index)).sort_values(
        ["_rank", "_series"], kind="stable")
    labels = dict(series_labels or {})
    drawn = []
    for key, perspective, rater in heads[["_series", "perspective", "rater"]].itertuples(index=False, name=None):
        perspective = str(perspective)
        label = perspective_label(perspective, lang)
        if series == "rater":
            label = str(rater)
        elif perspective == Perspective.ACTOR.value:
            label = f"{label}: {rater}"
        drawn.append((key, perspective, labels.get(key, label)))

    if by == "domain":
        spokes = [d.id for d in instrument.domains] if instrument is not None else []
        spokes = [s for s in spokes if s in set(frame["domain"].astype(str))] or list(
            dict.fromkeys(frame["domain"].astype(str)))
        spoke_labels = {s: domain_label(s, instrument, lang) for s in spokes}
    else:
        spokes = [i for i in chosen if i in set(frame["item"].astype(str))]
        spoke_labels = {s: item_label(s, instrument, lang) for s in spokes}
    values = frame.groupby(["_series", by], sort=False)["_value"].mean()
    low, high = _scale_of(instrument, chosen, frame["_value"], fill) if scale is None else map(float, scale)
    if high <= low:
        raise InvalidData("errors.chart_bad_scale", low=low, high=high)
    rows = []
    n = len(spokes)
    for key, perspective, label in drawn:
        for position, spoke in enumerate(spokes):
            value = values.get((key, spoke), float("nan"))
            radius = min(max((value - low) / (high - low), 0.0), 1.0) if not pd.isna(value) else float("nan")
            x, y = point(radius, position, n) if not pd.isna(radius) else (float("nan"), float("nan"))
            rows.append({"series": key, "series_label": label, "perspective": perspective, "spoke": spoke,
                         "spoke_label": spoke_labels[spoke], "order": position, "value": value,
                         "radius": radius, "x": x, "y": y, "low": low, "high": high})
    return pd.DataFrame(rows, columns=["series", "series_label", "perspective", "spoke", "spoke_label", "order",
                                       "value", "radius", "x", "y", "low", "high"])


# -- the same points from assessments, without pandas (for the apps' SVG star) ----------------------------------
@dataclass
class StarSeries:
    """One polygon: ``values`` per spoke (``None`` where there is nothing to draw)."""
    key: str
    label: str
    perspective: str
    values: list


@dataclass
class StarData:
    """What a needs star shows: the spokes (ids and labels), the series, and the values at the centre
    (``low``) and at the tip (``high``) of a spoke."""
    spokes: list
    spoke_labels: list
    series: list
    low: float
    high: float

    def radius(self, value) -> float | None:
        if value is None:
            return None
        return min(max((value - self.low) / (self.high - self.low), 0.0), 1.0)


def _number(value) -> float | None:
    if value is None or isinstance(value, (list, tuple, dict)):
        return None
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return None if value != value else float(value)
    try:
        return float(str(value))
    except ValueError:
        return None


def star_data(assessments: "Iterable[Assessment]", instrument: "Instrument", *, by: str = "domain",
              items: str | Sequence[str] | None = None, perspectives: Sequence[str] | None = None,
              fill: float | None = None, scale: tuple[float, float] | None = None, series: str = "perspective",
              series_labels: Mapping[str, str] | None = None, lang: str | None = None) -> StarData:
    """What :func:`star_frame` computes from assessments (one case), as plain lists: the same items, series,
    order, latest assessment per series, means per spoke and scale. Raises
    :class:`~casekit.errors.InvalidData` as :func:`star_frame` does."""
    from ..instruments.frames import _cell, _is_missing_answer
    from ..instruments.scoring import applies_to, shown_items

    lang = lang_of(lang)
    if by not in BY:
        raise InvalidData("errors.chart_bad_choice", name="by", value=by, choices=", ".join(BY))
    if series not in SERIES:
        raise InvalidData("errors.chart_bad_choice", name="series", value=series, choices=", ".join(SERIES))
    if instrument is None:
        raise InvalidData("errors.chart_needs_instrument")
    assessments = list(assessments)
    cases = list(dict.fromkeys(str(a.case_id) for a in assessments if a.case_id is not None))
    if len(cases) > 1:
        raise InvalidData("errors.chart_several_cases", cases=", ".join(cases[:5]))
    # the long frame's rows: (assessment number, domain, item, value)
    rows = []
    for number, a in enumerate(assessments):
        shown = shown_items(instrument, a.answers, a.perspective)
        for domain in instrument.domains:
            for item in domain.items:
                if not applies_to(item, instrument, a.perspective):
                    continue
                raw = a.answers.get(item.id) if item.id in shown else None
                value = None if _is_missing_answer(item, raw) else _number(_cell(item, raw))
                rows.append((number, domain.id, item.id, value))
    present = list(dict.fromkeys(item for _, _, item, _ in rows))
    if isinstance(items, str):
        chosen = [i for i in present if fnmatchcase(i, items)]
    elif items is not None:
        wanted = set(items)
        chosen = [i for i in present if i in wanted]
    else:
        kinds = {i.id: i.type.value for i in instrument.items()}
        chosen = [i for i in present if kinds.get(i) in _NUMERIC_TYPES]
    if not chosen:
        raise InvalidData("errors.chart_no_items")
    chosen_set = set(chosen)
    rows = [r for r in rows if r[2] in chosen_set]
    if fill is not None:
        rows = [(n, d, i, float(fill) if v is None else v) for n, d, i, v in rows]

    def key_of(a) -> str:
        if series == "rater":
            return f"rater:{a.rater}"
        if a.perspective.value == Perspective.ACTOR.value:
            return f"actor:{a.actor_id if a.actor_id is not None else a.rater}"
        return a.perspective.value

    keys = [key_of(a) for a in assessments]
    latest: dict[str, int] = {}
    for number in sorted(range(len(assessments)), key=lambda n: assessments[n].date):  # stable: later wins ties
        latest[keys[number]] = number
    kept = set(latest.values())
    rows = [r for r in rows if r[0] in kept]
    order = [p.value for p in Perspective]
    if perspectives is not None:
        order = [Perspective(p).value for p in perspectives]
        rows = [r for r in rows if assessments[r[0]].perspective.value in order]
    heads = list(dict.fromkeys(r[0] for r in rows))
    heads.sort(key=lambda n: (order.index(assessments[n].perspective.value), keys[n]))
    labels = dict(series_labels or {})
    drawn = []
    for number in dict.fromkeys(heads):
        a, key = assessments[number], keys[number]
        if key in {d[0] for d in drawn}:
            continue
        perspective = a.perspective.value
        label = perspective_label(perspective, lang)
        if series == "rater":
            label = str(a.rater)
        elif perspective == Perspective.ACTOR.value:
            label = f"{label}: {a.rater}"
        drawn.append((key, perspective, labels.get(key, label)))

    if by == "domain":
        domains = {d for _, d, _, _ in rows}
        spokes = [d.id for d in instrument.domains if d.id in domains] or list(dict.fromkeys(d for _, d, _, _ in rows))
        spoke_labels = [domain_label(s, instrument, lang) for s in spokes]
    else:
        present_items = {i for _, _, i, _ in rows}
        spokes = [i for i in chosen if i in present_items]
        spoke_labels = [item_label(s, instrument, lang) for s in spokes]
    sums: dict[tuple[str, str], list[float]] = {}
    for number, domain, item, value in rows:
        if value is not None:
            sums.setdefault((keys[number], domain if by == "domain" else item), []).append(value)
    if scale is None:
        low, high = _scale_of(instrument, chosen, [v for *_, v in rows], fill)
    else:
        low, high = map(float, scale)
    if high <= low:
        raise InvalidData("errors.chart_bad_scale", low=low, high=high)
    out = []
    for key, perspective, label in drawn:
        values = []
        for spoke in spokes:
            found = sums.get((key, spoke))
            values.append(sum(found) / len(found) if found else None)
        out.append(StarSeries(key=key, label=label, perspective=perspective, values=values))
    return StarData(spokes=spokes, spoke_labels=spoke_labels, series=out, low=low, high=high)

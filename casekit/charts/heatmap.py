"""Life domain × case (or area) heatmap across a caseload: where the unmet needs are.

Two inputs work:

- the needs frame of :func:`casekit.frames.needs_frame` (or ``store.needs_frame()``), one row per need;
  by default a row counts when ``any_unmet`` is true. Merge the cases frame in to group by another column
  (``needs.merge(cases[["case_id", "municipality"]])`` and ``by="municipality"``);
- the long frame of :func:`casekit.instruments.long_frame`: say which answer counts with ``equals`` and,
  usually, which items with ``items`` (for casekit's needs assessment: ``items="*_status", equals=2``).

``measure="count"`` counts the rows that count in each cell (unmet needs, or the ratings that say so when
several perspectives rated); ``measure="share"`` is the share of the group's cases that have at least one
such row in the domain (a case with no row for the domain counts as not having it).
"""
from __future__ import annotations

from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..errors import InvalidData
from ..i18n import catalog
from ..vocab import LifeDomain
from .base import domain_label, lang_of, numeric_values, require_columns, shorten, text

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from ..instruments import Instrument

MEASURES = ("count", "share")


def _counted(frame: "pd.DataFrame", equals: Any, flag: str | None) -> "pd.Series":
    if equals is not None:
        require_columns(frame, ["value"])
        missing = frame["missing"].fillna(False).astype(bool) if "missing" in frame.columns else False
        if isinstance(equals, bool):
            hit = frame["value"].astype(object).map(lambda v: v is equals or (isinstance(v, bool) and v == equals))
        elif isinstance(equals, (int, float)):
            hit = numeric_values(frame) == float(equals)
        else:
            hit = frame["value"].astype("string") == str(equals)
        return (hit.fillna(False).astype(bool) & ~missing).astype(bool)
    flag = flag or ("any_unmet" if "any_unmet" in frame.columns else None)
    if flag is None:
        raise InvalidData("errors.chart_heatmap_what")
    require_columns(frame, [flag])
    return frame[flag].astype("boolean").fillna(False).astype(bool)


def _domain_order(domains: list[str], instrument: "Instrument | None") -> list[str]:
    order = [d.id for d in instrument.domains] if instrument is not None else []
    order += [d.value for d in LifeDomain]
    rank = {d: i for i, d in enumerate(dict.fromkeys(order))}
    return sorted(domains, key=lambda d: (rank.get(d, len(rank)), domains.index(d)))


def heatmap_frame(frame: "pd.DataFrame", *, by: str = "case_id", measure: str = "count", equals: Any = None,
                  flag: str | None = None, items: str | Sequence[str] | None = None,
                  instrument: "Instrument | None" = None, labels: Mapping[str, str] | None = None,
                  lang: str | None = None) -> "pd.DataFrame":
    """The heatmap's cells: one row per group × domain with ``count``, ``cases``, ``share`` and ``value``."""
    import pandas as pd

    lang = lang_of(lang)
    if measure not in MEASURES:
        raise InvalidData("errors.chart_bad_choice", name="measure", value=measure, choices=", ".join(MEASURES))
    require_columns(frame, [by, "domain"])
    if items is not None and "item" in frame.columns:
        names = frame["item"].astype(str)
        keep = names.map(lambda i: fnmatchcase(i, items)) if isinstance(items, str) else names.isin(list(items))
        frame = frame[keep.astype(bool)]
    counted = _counted(frame, equals, flag)
    unit = frame["case_id"].astype(str) if "case_id" in frame.columns else pd.Series(
        range(len(frame)), index=frame.index).astype(str)
    none = text("ui.chart.none", lang)
    groups = frame[by].astype(object).map(lambda v: none if v is None or pd.isna(v) else str(v))
    work = pd.DataFrame({"group": groups, "domain": frame["domain"].astype(str), "counted": counted,
                         "unit": unit})
    domains = _domain_order(list(dict.fromkeys(work["domain"])), instrument)
    label_of = dict(labels or {})
    group_names = sorted(dict.fromkeys(work["group"]), key=lambda g: label_of.get(g, g))
    units = work.groupby("group")["unit"].nunique()
    hits = work[work["counted"]]
    counts = hits.groupby(["group", "domain"]).size()
    cases = hits.groupby(["group", "domain"])["unit"].nunique()
    rows = []
    for group in group_names:
        for domain in domains:
            count = int(counts.get((group, domain), 0))
            n_cases = int(cases.get((group, domain), 0))
            share = n_cases / int(units[group]) if units[group] else 0.0
            rows.append({"group": group, "group_label": shorten(label_of.get(group, group), 40), "domain": domain,
                         "domain_label": domain_label(domain, instrument, lang), "count": count, "cases": n_cases,
                         "units": int(units[group]), "share": share,
                         "value": float(share if measure == "share" else count)})
    return pd.DataFrame(rows, columns=["group", "group_label", "domain", "domain_label", "count", "cases", "units",
                                       "share", "value"])


def _group_title(by: str, lang: str) -> str:
    if by == "case_id":
        return text("ui.chart.case", lang)
    return text(f"field.{by}", lang) if f"field.{by}" in catalog("en") else by


def domain_heatmap(frame: "pd.DataFrame", *, by: str = "case_id", measure: str = "count", equals: Any = None,
                   flag: str | None = None, items: str | Sequence[str] | None = None,
                   instrument: "Instrument | None" = None, labels: Mapping[str, str] | None = None,
                   title: str | None = None, lang: str | None = None) -> "alt.LayerChart":
    """Life domain × ``by`` (a case, an area …) heatmap of unmet needs across a caseload.

    ``frame``: a needs frame or a long frame (see the module docs). ``by``: the column of the rows
    (``case_id`` by default). ``measure``: ``"count"`` or ``"share"``. ``equals``/``items``: for a long
    frame, the answer that counts and the items looked at; ``flag``: a yes/no column that says which rows
    count (default ``any_unmet``). ``labels``: row labels by value of ``by`` (e.g. case id → client's
    name). Domain labels come from ``instrument`` or casekit's life domains, in ``lang``.
    """
    import altair as alt

    lang = lang_of(lang)
    cells = heatmap_frame(frame, by=by, measure=measure, equals=equals, flag=flag, items=items,
                          instrument=instrument, labels=labels, lang=lang)
    share = measure == "share"
    legend = text(f"ui.chart.heatmap.{measure}", lang)
    top = float(cells["value"].max()) if not cells.empty else 0.0
    top = 1.0 if share else max(top, 1.0)
    x = alt.X("domain_label:N", title=text("ui.chart.domain", lang),
              sort=list(dict.fromkeys(cells["domain_label"])), axis=alt.Axis(labelAngle=-40, labelLimit=220))
    y = alt.Y("group_label:N", title=_group_title(by, lang), sort=list(dict.fromkeys(cells["group_label"])))
    number = ".0%" if share else "d"
    tooltip = [alt.Tooltip("group_label:N", title=_group_title(by, lang)),
               alt.Tooltip("domain_label:N", title=text("ui.chart.domain", lang)),
               alt.Tooltip("value:Q", title=legend, format=number)]
    rects = alt.Chart(cells).mark_rect(stroke="white", strokeWidth=1).encode(
        x=x, y=y, tooltip=tooltip,
        color=alt.Color("value:Q", title=legend, scale=alt.Scale(scheme="orangered", domain=[0, top]),
                        legend=alt.Legend(format=number, orient="right")))
    labels_layer = alt.Chart(cells).transform_filter(alt.datum.value > 0).mark_text(baseline="middle").encode(
        x=x, y=y, text=alt.Text("value:Q", format=number),
        color=alt.when(alt.datum.value > top / 2).then(alt.value("white")).otherwise(alt.value("black")))
    heading = title if title is not None else text("ui.chart.heatmap.title", lang)
    return alt.layer(rects, labels_layer).properties(
        width=alt.Step(40), height=alt.Step(30), title=alt.TitleParams(heading, anchor="start"))

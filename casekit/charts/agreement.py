"""Agreement between raters per item (or domain): a dot plot of the statistics with reference bands.

The input is the table of :func:`casekit.analysis.agreement_table`. Each statistic (Cohen's and Fleiss'
kappa, Krippendorff's alpha, ICC …) is one colour and shape; grey bands mark the usual reading of an
agreement coefficient — below 0.4 weak, 0.4–0.6 moderate, 0.6–0.8 good, 0.8 and above very good (cut
points after Landis & Koch and Cicchetti; change them with ``bands``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..errors import InvalidData
from .base import GRID, PALETTE, domain_label, item_label, lang_of, text

GREY = "#808080"

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from ..instruments import Instrument

BANDS = (0.4, 0.6, 0.8)
_BAND_KEYS = ("weak", "moderate", "good", "very_good")
_SHAPES = ("circle", "square", "diamond", "triangle-up", "cross", "triangle-down", "triangle-left", "triangle-right",
           "stroke", "wedge", "arrow", "triangle")


def agreement_frame(table: "pd.DataFrame", stats: Sequence[str] | None = None,
                    instrument: "Instrument | None" = None, lang: str | None = None) -> "pd.DataFrame":
    """The plotted points: one row per unit (item or domain) × statistic with a value."""
    import pandas as pd

    from ..analysis import STATISTICS, statistic_label

    lang = lang_of(lang)
    unit = "item" if "item" in table.columns else "domain"
    if unit not in table.columns:
        raise InvalidData("errors.chart_missing_columns", columns="item")
    if stats is None:
        stats = [s for s in STATISTICS if s in table.columns and table[s].notna().any()]
    else:
        stats = [stats] if isinstance(stats, str) else list(stats)
        unknown = [s for s in stats if s not in table.columns]
        if unknown:
            raise InvalidData("errors.chart_missing_columns", columns=", ".join(unknown))
    units = list(dict.fromkeys(table[unit].astype(str)))
    if instrument is not None:
        known = [i.id for i in instrument.items()] if unit == "item" else [d.id for d in instrument.domains]
        units = sorted(units, key=lambda u: (known.index(u) if u in known else len(known), units.index(u)))
    rows = []
    for record in table.to_dict("records"):
        name = str(record[unit])
        label = item_label(name, instrument, lang) if unit == "item" else domain_label(name, instrument, lang)
        for stat in stats:
            value = record.get(stat)
            if value is None or pd.isna(value):
                continue
            rows.append({"unit": name, "unit_label": label if label == name else f"{label} ({name})",
                         "order": units.index(name), "statistic": stat,
                         "statistic_label": statistic_label(stat, lang), "value": float(value),
                         "n_units": record.get("n_units")})
    frame = pd.DataFrame(rows, columns=["unit", "unit_label", "order", "statistic", "statistic_label", "value",
                                        "n_units"])
    return frame.sort_values(["order", "statistic"], kind="stable").reset_index(drop=True)


def _bands(low: float, cuts: Sequence[float], lang: str) -> "pd.DataFrame":
    import pandas as pd

    edges = [low, *cuts, 1.0]
    return pd.DataFrame([{"from": a, "to": b, "band": text(f"ui.chart.agreement.{key}", lang), "shade": i}
                         for i, (a, b, key) in enumerate(zip(edges, edges[1:], _BAND_KEYS))])


def agreement_chart(table: "pd.DataFrame", stats: Sequence[str] | None = None, *,
                    instrument: "Instrument | None" = None, bands: Sequence[float] = BANDS,
                    title: str | None = None, width: int = 520, lang: str | None = None) -> "alt.LayerChart":
    """Agreement per item (or per domain, for ``agreement_table(..., by="domain")``).

    ``stats``: statistic codes to show (default: every statistic of the table that has a value).
    ``instrument``: label the items (and order them) as the instrument does. ``bands``: three cut points
    of the reference bands. Statistic names and band labels follow ``lang``.
    """
    import altair as alt

    lang = lang_of(lang)
    if len(bands) != 3 or list(bands) != sorted(bands):
        raise InvalidData("errors.chart_bad_choice", name="bands", value=list(bands), choices="0.4, 0.6, 0.8")
    points = agreement_frame(table, stats, instrument, lang)
    low = min([0.0] + [float(v) for v in points["value"]])
    low = -1.0 if low < -0.5 else (round(low - 0.1, 1) if low < 0 else 0.0)
    x_scale = alt.Scale(domain=[low, 1.0], nice=False)
    value_title = text("ui.chart.agreement.value", lang)
    names = list(dict.fromkeys(points["statistic_label"]))
    unit_title = text("ui.chart.item" if "item" in table.columns else "ui.chart.domain", lang)
    y = alt.Y("unit_label:N", title=unit_title, sort=list(dict.fromkeys(points["unit_label"])),
              axis=alt.Axis(labelLimit=320))
    # one grey at rising opacity: readable on a white and on a dark (projector) background
    shading = alt.Chart(_bands(low, bands, lang)).mark_rect(color=GREY).encode(
        x=alt.X("from:Q", scale=x_scale, title=value_title), x2="to:Q",
        opacity=alt.Opacity("shade:O", legend=None,
                            scale=alt.Scale(domain=[0, 1, 2, 3], range=[0.06, 0.14, 0.24, 0.36])))
    band_labels = alt.Chart(_bands(low, bands, lang)).mark_text(baseline="bottom", dy=-4).encode(
        x=alt.X("middle:Q", scale=x_scale), y=alt.value(0), text="band:N").transform_calculate(
        middle="(datum['from'] + datum.to) / 2")
    cuts = alt.Chart(alt.Data(values=[{"cut": c} for c in bands])).mark_rule(
        strokeDash=[4, 3], color=GRID).encode(x=alt.X("cut:Q", scale=x_scale))
    tooltip = [alt.Tooltip("unit_label:N", title=unit_title),
               alt.Tooltip("statistic_label:N", title=text("ui.chart.agreement.statistic", lang)),
               alt.Tooltip("value:Q", title=value_title, format=".2f"),
               alt.Tooltip("n_units:Q", title=text("ui.chart.agreement.units", lang))]
    dots = alt.Chart(points).mark_point(filled=True, size=110, opacity=1).encode(
        x=alt.X("value:Q", scale=x_scale, title=value_title), y=y, tooltip=tooltip,
        color=alt.Color("statistic_label:N", title=text("ui.chart.agreement.statistic", lang),
                        scale=alt.Scale(domain=names, range=list(PALETTE[: max(len(names), 1)]))),
        shape=alt.Shape("statistic_label:N", title=text("ui.chart.agreement.statistic", lang),
                        scale=alt.Scale(domain=names, range=list(_SHAPES[: max(len(names), 1)]))))
    heading = title if title is not None else text("ui.chart.agreement.title", lang)
    return alt.layer(shading, band_labels, cuts, dots).properties(
        width=width, height=alt.Step(26), title=alt.TitleParams(heading, anchor="start"))

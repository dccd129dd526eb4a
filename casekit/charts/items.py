"""Item analysis of a new instrument: per item the corrected item–total correlation and α if deleted.

The input is :func:`casekit.analysis.item_analysis`. Left, a bar per item: its correlation with the sum of
the other items of its scale, with a dashed rule at 0.3 (items below it are commonly revised: Nunnally &
Bernstein 1994). Right, α of the scale if the item were deleted, with the scale's α as a dashed rule: a point
right of the rule marks an item the scale is more consistent without. Items are grouped by scale (colour).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InvalidData
from .base import GRID, PALETTE, domain_label, item_label, lang_of, text

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from ..analysis.reliability import ItemAnalysis
    from ..instruments import Instrument

ITEM_TOTAL_RULE = 0.3


def item_analysis_frame(result: "ItemAnalysis", instrument: "Instrument | None" = None,
                        lang: str | None = None) -> "pd.DataFrame":
    """The plotted rows: one per item, with its label, its scale's label and its scale's α."""
    import pandas as pd

    lang = lang_of(lang)
    items, scales = result.items, result.scales
    scale_column = next((c for c in scales.columns if c in items.columns and c != "item"), None)
    if scale_column is None or "item_total_r" not in items.columns:
        raise InvalidData("errors.chart_missing_columns", columns="item_total_r")
    alpha_of = dict(zip(scales[scale_column], scales["alpha"]))
    rows = []
    for order, record in enumerate(items.to_dict("records")):
        item, scale = str(record["item"]), record[scale_column]
        label = item_label(item, instrument, lang)
        rows.append({"item": item, "item_label": label if label == item else f"{label} ({item})",
                     "scale": str(scale), "scale_label": domain_label(str(scale), instrument, lang),
                     "order": order, "item_total_r": record["item_total_r"],
                     "alpha_if_deleted": record["alpha_if_deleted"], "scale_alpha": alpha_of.get(scale)})
    return pd.DataFrame(rows)


def item_analysis_chart(result: "ItemAnalysis", *, instrument: "Instrument | None" = None,
                        title: str | None = None, width: int = 260, lang: str | None = None) -> "alt.HConcatChart":
    """Corrected item–total correlations and α if deleted, per item, grouped by scale."""
    import altair as alt

    lang = lang_of(lang)
    frame = item_analysis_frame(result, instrument, lang)
    scales = list(dict.fromkeys(frame["scale_label"]))
    order = list(frame["item_label"])
    colour = alt.Color("scale_label:N", title=text("ui.chart.items.scale", lang),
                       scale=alt.Scale(domain=scales, range=list(PALETTE[: max(len(scales), 1)])))
    y = alt.Y("item_label:N", sort=order, title=text("ui.chart.item", lang), axis=alt.Axis(labelLimit=280))
    tooltip = [alt.Tooltip("item_label:N", title=text("ui.chart.item", lang)),
               alt.Tooltip("scale_label:N", title=text("ui.chart.items.scale", lang)),
               alt.Tooltip("item_total_r:Q", title=text("ui.chart.items.item_total", lang), format=".2f"),
               alt.Tooltip("alpha_if_deleted:Q", title=text("ui.chart.items.alpha_if_deleted", lang), format=".2f"),
               alt.Tooltip("scale_alpha:Q", title=text("ui.chart.items.scale_alpha", lang), format=".2f")]
    low = min(0.0, float(frame["item_total_r"].min(skipna=True) or 0.0))
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("item_total_r:Q", title=text("ui.chart.items.item_total", lang),
                scale=alt.Scale(domain=[low, 1.0], nice=False)), y=y, color=colour, tooltip=tooltip)
    rule = alt.Chart(alt.Data(values=[{"x": ITEM_TOTAL_RULE}])).mark_rule(strokeDash=[4, 3], color=GRID).encode(
        x="x:Q")
    left = alt.layer(bars, rule).properties(width=width, height=alt.Step(22))
    dots = alt.Chart(frame).mark_point(filled=True, size=90, opacity=1).encode(
        x=alt.X("alpha_if_deleted:Q", title=text("ui.chart.items.alpha_if_deleted", lang),
                scale=alt.Scale(zero=False)), y=alt.Y("item_label:N", sort=order, axis=None), color=colour,
        tooltip=tooltip)
    alphas = alt.Chart(frame).mark_tick(color=GRID, thickness=2, size=20).encode(
        x="scale_alpha:Q", y=alt.Y("item_label:N", sort=order, axis=None))
    right = alt.layer(alphas, dots).properties(width=width, height=alt.Step(22))
    heading = title if title is not None else text("ui.chart.items.title", lang)
    return alt.hconcat(left, right).properties(title=alt.TitleParams(heading, anchor="start"))

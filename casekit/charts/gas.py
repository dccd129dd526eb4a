"""Goal Attainment Scaling over time: each goal's level at each review, and the T-score line.

:func:`gas_frames` reads a :class:`~casekit.model.Case`: every review's ``gas_scores`` (goal id → −2..+2)
plus, with ``baseline=True``, each goal's baseline at the date the goal was set (``goal.created``, else
the day the case opened). The T-score of a review is the Kiresuk–Sherman score
(:func:`casekit.gas.gas_tscore`) of the goals scored at that review, with their weights.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..gas import gas_tscore
from ..model.plan import GAS_LEVELS
from .base import PALETTE, lang_of, shorten, text

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from ..model import Case

GOAL_COLUMNS = ["goal", "goal_label", "date", "level", "kind"]
TSCORE_COLUMNS = ["date", "tscore", "goals"]


def gas_rows(case: "Case", *, baseline: bool = True, lang: str | None = None) -> tuple[list[dict], list[dict]]:
    """The rows of :func:`gas_frames` as lists of dicts, ``date`` a :class:`datetime.date` (no pandas)."""
    lang = lang_of(lang)
    labels = {g.id: f"{n}. {shorten(g.text, 40)}" for n, g in enumerate(case.goals, start=1)}
    weights = {g.id: g.weight for g in case.goals}
    rows = []
    if baseline:
        for goal in case.goals:
            rows.append({"goal": goal.id, "goal_label": labels[goal.id], "date": goal.created or case.opened,
                         "level": goal.baseline, "kind": text("ui.chart.gas.baseline", lang)})
    tscores = []
    for review in sorted(case.reviews, key=lambda r: r.date):
        scored = [(goal_id, level) for goal_id, level in review.gas_scores.items() if goal_id in labels]
        for goal_id, level in scored:
            rows.append({"goal": goal_id, "goal_label": labels[goal_id], "date": review.date,
                         "level": level, "kind": text("ui.chart.gas.review", lang)})
        if scored:
            tscore = gas_tscore([lv for _, lv in scored], [weights[g] for g, _ in scored])
            tscores.append({"date": review.date, "tscore": round(tscore, 2), "goals": len(scored)})
    return rows, tscores


def gas_frames(case: "Case", *, baseline: bool = True, lang: str | None = None) -> tuple["pd.DataFrame", "pd.DataFrame"]:
    """``(levels, tscores)``: one row per goal × review (``kind`` is ``baseline`` or ``review``), and one
    row per review with its T-score and the number of goals scored."""
    import pandas as pd

    rows, tscores = gas_rows(case, baseline=baseline, lang=lang)
    for row in rows + tscores:
        row["date"] = pd.Timestamp(row["date"])
    return pd.DataFrame(rows, columns=GOAL_COLUMNS), pd.DataFrame(tscores, columns=TSCORE_COLUMNS)


def _date_axis(lang: str, title: str) -> "alt.Axis":
    import altair as alt

    return alt.Axis(title=title, format="%-d. %-m. %Y" if lang == "cs" else "%-d %b %Y", labelAngle=0)


def gas_trajectory(case: "Case", *, baseline: bool = True, title: str | None = None, width: int = 560,
                   lang: str | None = None, large: bool = False) -> "alt.VConcatChart":
    """GAS levels of each goal over the case's reviews (top) and the T-score over time (bottom).

    The top panel marks the expected outcome (0); the bottom one the T-score 50 that it gives. Goals are
    labelled with their number and the start of their text; labels follow ``lang``. ``width``: of the plots
    (pixels, without the axes). ``large=True``: for a projector — taller plots, thicker lines, bigger points,
    and the goals' legend in two columns when the plots are wide enough.
    """
    import altair as alt

    lang = lang_of(lang)
    levels, tscores = gas_frames(case, baseline=baseline, lang=lang)
    date_title = text("ui.chart.date", lang)
    goal_title = text("ui.chart.gas.goal", lang)
    names = [label for label in dict.fromkeys(levels["goal_label"])]
    x = alt.X("date:T", axis=_date_axis(lang, date_title))
    columns = 2 if large and width >= 800 else 1
    point, stroke = (160, 4) if large else (90, 3)
    heights = (250, 160) if large else (240, 160)
    colour = alt.Color("goal_label:N", title=goal_title,
                       legend=alt.Legend(orient="bottom", columns=columns, labelLimit=width // columns if large else 400),
                       scale=alt.Scale(domain=names, range=list(PALETTE[: max(len(names), 1)])))
    level_axis = alt.Axis(values=list(GAS_LEVELS), format="+d", title=text("ui.chart.gas.level", lang))
    tooltip = [alt.Tooltip("goal_label:N", title=goal_title), alt.Tooltip("date:T", title=date_title),
               alt.Tooltip("level:Q", title=text("ui.chart.gas.level", lang), format="+d"),
               alt.Tooltip("kind:N", title=text("ui.chart.gas.kind", lang))]
    level_scale = alt.Scale(domain=[-2.3, 2.3], nice=False, zero=False)
    kinds = [text("ui.chart.gas.review", lang), text("ui.chart.gas.baseline", lang)]
    y = alt.Y("level:Q", axis=level_axis, scale=level_scale)
    one = alt.Data(values=[{}])
    expected = alt.Chart(one).mark_rule(strokeDash=[6, 4]).encode(y=alt.YDatum(0, scale=level_scale))
    expected_label = alt.Chart(one).mark_text(align="left", dx=4, dy=-8).encode(
        x=alt.value(0), y=alt.YDatum(0, scale=level_scale), text=alt.datum(text("ui.chart.gas.expected", lang)))
    goals = alt.layer(
        expected, expected_label,
        alt.Chart(levels).mark_line(strokeWidth=stroke).encode(x=x, y=y, color=colour, detail="goal:N"),
        alt.Chart(levels).mark_point(filled=True, size=point, opacity=1).encode(
            x=x, y=y, color=colour, tooltip=tooltip,
            shape=alt.Shape("kind:N", title=text("ui.chart.gas.kind", lang), legend=alt.Legend(orient="bottom"),
                            scale=alt.Scale(domain=kinds, range=["circle", "square"]))),
    ).properties(width=width, height=heights[0])
    t_title = text("ui.chart.gas.tscore", lang)
    low = min([30.0] + [float(v) - 5 for v in tscores["tscore"]])
    high = max([70.0] + [float(v) + 5 for v in tscores["tscore"]])
    t_scale = alt.Scale(domain=[low, high], nice=False, zero=False)
    t_y = alt.Y("tscore:Q", title=t_title, scale=t_scale)
    t_tooltip = [alt.Tooltip("date:T", title=date_title), alt.Tooltip("tscore:Q", title=t_title, format=".1f"),
                 alt.Tooltip("goals:Q", title=text("ui.chart.gas.goals_scored", lang))]
    fifty = alt.Chart(alt.Data(values=[{}])).mark_rule(strokeDash=[6, 4]).encode(y=alt.YDatum(50, scale=t_scale))
    tscore = alt.layer(
        fifty,
        alt.Chart(tscores).mark_line(strokeWidth=stroke).encode(x=x, y=t_y),
        alt.Chart(tscores).mark_point(filled=True, size=point, opacity=1).encode(
            x=x, y=t_y, tooltip=t_tooltip),
    ).properties(width=width, height=heights[1])
    heading = title if title is not None else text("ui.chart.gas.title", lang)
    return alt.vconcat(goals, tscore, title=alt.TitleParams(heading, anchor="start")).resolve_scale(
        x="shared", color="independent")

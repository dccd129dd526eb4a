"""Goal Attainment Scaling over time as SVG: each goal's level (−2..+2) at its baseline and at each review
(top), and the T-score of each review (bottom), on one time axis.

The data are :func:`casekit.charts.gas.gas_rows` (the rows of the Altair chart's frames). The top panel marks
the expected outcome (0), the bottom one the T-score 50 it gives. Goals are told apart by colour and listed in a
legend with their number and the start of their text; a review is a circle, a baseline a square.
"""
from __future__ import annotations

from datetime import date

from ...minutes.dates import format_date
from ...model.plan import GAS_LEVELS
from ..base import PALETTE, lang_of, text
from ..gas import gas_rows
from .builder import GRID, INK, Svg, esc, text_width
from .colours import on_white

_PAD = 8
_LIGHT_GRID = "#d9d9d9"


def _level_text(level: int) -> str:
    return f"{level:+d}".replace("-", "−") if level else "0"


def _tick_dates(dates: list[date], x_of, labels: dict, font: float, right: float) -> list[date]:
    shown: list[date] = []
    last_end = -1e9
    for d in dates:
        half = text_width(labels[d], font) / 2
        x = x_of(d)
        if x - half >= last_end + 10 and x + half <= right:
            shown.append(d)
            last_end = x + half
    return shown


def gas_svg(case, *, baseline: bool = True, title: str | None = None, lang: str | None = None,
            width: int | None = None, font_size: int = 21) -> str | None:
    """GAS levels of the goals over the reviews and the T-score as an SVG string ``width`` pixels wide
    (default 700), or ``None`` when the case has no goals or no reviews."""
    lang = lang_of(lang)
    if not case.goals or not case.reviews:
        return None
    rows, tscores = gas_rows(case, baseline=baseline, lang=lang)
    font = font_size
    total = max(int(width or 700), 360)
    review_kind = text("ui.chart.gas.review", lang)
    date_format = text("ui.chart.axis_date_format", lang)
    dates = sorted({r["date"] for r in rows} | {t["date"] for t in tscores})
    if not dates:
        dates = [case.opened]
    labels = {d: format_date_short(d, lang, date_format) for d in dates}
    tick_width = max(text_width(_level_text(lv), font) for lv in GAS_LEVELS)
    t_low = min([30.0] + [float(t["tscore"]) - 5 for t in tscores])
    t_high = max([70.0] + [float(t["tscore"]) + 5 for t in tscores])
    t_ticks = [v for v in range(int(t_low // 10 + 1) * 10, int(t_high) + 1, 10)]
    tick_width = max(tick_width, max((text_width(str(v), font) for v in t_ticks), default=0))
    left = _PAD + font * 1.8 + tick_width * 1.35 + 14  # rotated axis title, tick labels (signs are wide), ticks
    right = total - _PAD - max(text_width(labels[dates[-1]], font) / 2, 10)
    first, last = dates[0].toordinal(), dates[-1].toordinal()
    if last == first:
        first, last = first - 15, last + 15
    inset = 0.04 * (right - left)  # points clear of the axes

    def x_of(d: date) -> float:
        return left + inset + (d.toordinal() - first) / (last - first) * (right - left - 2 * inset)

    title_size = font + 6
    heading = title if title is not None else text("ui.chart.gas.title", lang)
    y = _PAD + title_size * 1.2
    top1, h1 = y + font, 250.0
    axis1 = top1 + h1
    # the legends under the levels
    goals = list(dict.fromkeys((r["goal"], r["goal_label"]) for r in rows))
    colours = {goal: on_white(PALETTE[i % len(PALETTE)]) for i, (goal, _) in enumerate(goals)}
    columns = 2 if total >= 800 else 1
    column_width = (total - 2 * _PAD) / columns
    legend_top = axis1 + font * 2.4
    goal_rows = -(-len(goals) // columns)
    kinds_top = legend_top + font * 1.5 + goal_rows * font * 1.5 + font * 0.4
    kind_entries = [(review_kind, "circle"), (text("ui.chart.gas.baseline", lang), "square")] if baseline else [
        (review_kind, "circle")]
    top2 = kinds_top + font * 2.6 + font
    h2 = 160.0
    axis2 = top2 + h2
    height = axis2 + font * 3.6 + _PAD

    def y_level(level: float) -> float:
        return top1 + (2.3 - level) / 4.6 * h1

    def y_t(value: float) -> float:
        return top2 + (t_high - value) / (t_high - t_low) * h2

    description = text("ui.chart.gas.desc", lang, goals=len(case.goals), reviews=len(case.reviews))
    svg = Svg(total, height, heading, description=description, css_class="casekit-svg-gas")
    svg.text(_PAD, _PAD + title_size, heading, size=title_size, bold=True, baseline="auto")
    shown = _tick_dates(dates, x_of, labels, font, total - _PAD)

    def x_axis(axis_y: float, with_title: bool) -> None:
        svg.line(left, axis_y, right, axis_y, stroke=INK, stroke_width=1.5)
        for d in shown:
            svg.line(x_of(d), axis_y, x_of(d), axis_y + 6, stroke=INK, stroke_width=1.5)
            svg.text(x_of(d), axis_y + 9, labels[d], size=font, anchor="middle", baseline="hanging")
        if with_title:
            svg.text((left + right) / 2, axis_y + 12 + font * 1.3, text("ui.chart.date", lang), size=font + 1,
                     anchor="middle", bold=True, baseline="hanging")

    def y_title(label: str, top: float, bottom: float) -> None:
        cy = (top + bottom) / 2
        x = _PAD + font * 0.9
        svg.text(x, cy, label, size=font, anchor="middle", bold=True,
                 transform=f"rotate(-90 {x:.1f} {cy:.1f})")

    # levels
    svg.open("g", class_="casekit-gas-levels")
    for level in GAS_LEVELS:
        yy = y_level(level)
        svg.line(left, yy, right, yy, stroke=_LIGHT_GRID, stroke_width=1)
        svg.text(left - 10, yy, _level_text(level), size=font, anchor="end")
    svg.line(left, top1, left, axis1, stroke=INK, stroke_width=1.5)
    svg.line(left, y_level(0), right, y_level(0), stroke=GRID, stroke_width=2, stroke_dasharray="8 5")
    svg.text(left + 8, y_level(0) - 6, text("ui.chart.gas.expected", lang), size=font * 0.85, baseline="auto",
             fill="#444444")
    y_title(text("ui.chart.gas.level", lang), top1, axis1)
    x_axis(axis1, False)
    # goals with the same levels would hide one another: each line is nudged a few pixels up or down
    nudge = min(4.0, 16.0 / max(len(goals), 1))
    for number, (goal, label) in enumerate(goals):
        points = sorted((r for r in rows if r["goal"] == goal), key=lambda r: r["date"])
        colour = colours[goal]
        shift = (number - (len(goals) - 1) / 2) * nudge

        def y_level(level: float, shift: float = shift) -> float:
            return top1 + (2.3 - level) / 4.6 * h1 + shift

        svg.open("g", class_="casekit-gas-goal", data_goal=goal, tooltip=label)
        if len(points) > 1:
            svg.polyline([(x_of(p["date"]), y_level(p["level"])) for p in points], fill="none", stroke=colour,
                         stroke_width=4, stroke_linejoin="round")
        for p in points:
            tip = (f"<title>{esc(label)} · {esc(format_date(p['date'], lang))}: {esc(_level_text(p['level']))}"
                   f" ({esc(p['kind'])})</title>")
            x, yy = x_of(p["date"]), y_level(p["level"])
            if p["kind"] == review_kind:
                svg.add("circle", tip, cx=float(x), cy=float(yy), r=7.0, fill=colour, stroke="#ffffff",
                        stroke_width=1.5)
            else:
                svg.add("rect", tip, x=float(x - 6.5), y=float(yy - 6.5), width=13.0, height=13.0, fill=colour,
                        stroke="#ffffff", stroke_width=1.5)
        svg.close("g")
    svg.close("g")

    # legends: the goals, then what the marks are
    svg.open("g", class_="casekit-legend")
    svg.text(_PAD, legend_top, text("ui.chart.gas.goal", lang), size=font, bold=True, baseline="hanging")
    limit = int((column_width - 60) / (0.58 * font))
    for index, (goal, label) in enumerate(goals):
        column, line = index % columns, index // columns
        x = _PAD + column * column_width
        yy = legend_top + font * 1.5 + (line + 0.5) * font * 1.5
        svg.line(x, yy, x + 34, yy, stroke=colours[goal], stroke_width=4)
        svg.circle(x + 17, yy, 7, fill=colours[goal])
        shown_label = label if len(label) <= limit else label[: max(limit - 1, 1)] + "…"
        svg.text(x + 44, yy, shown_label, size=font)
    svg.text(_PAD, kinds_top, text("ui.chart.gas.kind", lang), size=font, bold=True, baseline="hanging")
    x = _PAD
    yy = kinds_top + font * 2.2
    for label, shape in kind_entries:
        if shape == "circle":
            svg.circle(x + 8, yy, 7, fill="#444444")
        else:
            svg.rect(x + 1.5, yy - 6.5, 13, 13, fill="#444444")
        svg.text(x + 24, yy, label, size=font)
        x += 24 + text_width(label, font) + 2 * font
    svg.close("g")

    # T-scores
    svg.open("g", class_="casekit-gas-tscores")
    for value in t_ticks:
        yy = y_t(value)
        svg.line(left, yy, right, yy, stroke=_LIGHT_GRID, stroke_width=1)
        svg.text(left - 10, yy, str(value), size=font, anchor="end")
    svg.line(left, top2, left, axis2, stroke=INK, stroke_width=1.5)
    svg.line(left, y_t(50), right, y_t(50), stroke=GRID, stroke_width=2, stroke_dasharray="8 5")
    t_title = text("ui.chart.gas.tscore", lang)
    y_title(t_title, top2, axis2)
    x_axis(axis2, True)
    if len(tscores) > 1:
        svg.polyline([(x_of(t["date"]), y_t(t["tscore"])) for t in tscores], fill="none", stroke=INK, stroke_width=4,
                     stroke_linejoin="round")
    goals_title = text("ui.chart.gas.goals_scored", lang)
    for t in tscores:
        value = f"{t['tscore']:.1f}"
        if lang == "cs":
            value = value.replace(".", ",")
        svg.add("circle", f"<title>{esc(format_date(t['date'], lang))}: {esc(t_title)} {esc(value)} "
                          f"({esc(goals_title)}: {t['goals']})</title>",
                cx=float(x_of(t["date"])), cy=float(y_t(t["tscore"])), r=7.0, fill=INK)
    svg.close("g")
    return svg.render()


def format_date_short(value: date, lang: str, pattern: str) -> str:
    """A date for an axis tick (``25 Nov 2026``, ``25. 11. 2026``)."""
    from babel.dates import format_date as babel_format

    return babel_format(value, pattern, locale=lang)


__all__ = ["gas_svg"]

"""The needs star as SVG: one spoke per life domain (or item), one closed line per perspective, overlaid.

The geometry is that of :mod:`casekit.charts.star` (first spoke up, clockwise, rings at the scale's whole
values, spoke labels beside the tips and wrapped onto short lines); the values come from
:func:`casekit.charts.star_data.star_data`. Perspectives are told apart by colour *and* line pattern, the
legend is under the star.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

from ..base import colours_for, lang_of, text
from ..star_data import StarData, point, star_data
from .builder import GRID, Svg, esc, legend_rows, text_width, wrap
from .colours import on_white

DASHES = (None, "14 7", "5 5", "2 5", "14 5 3 5", "8 3")
_LABEL_RADIUS = 1.1
_WRAP = 14
_PAD = 8


def _value_text(value: float, lang: str) -> str:
    shown = f"{value:.2f}".rstrip("0").rstrip(".")
    return shown.replace(".", ",") if lang == "cs" else shown


def _ticks(low: float, high: float) -> list[float]:
    if high - low <= 10 and float(low).is_integer():
        return [float(t) for t in range(int(math.floor(low)) + 1, int(math.floor(high)) + 1)]
    return [low + (high - low) * k / 4 for k in range(1, 5)]


def _place_labels(ends, anchors, lines, heights, radius: float, font: float) -> tuple[list, bool]:
    """Where each spoke label goes (pixels from the centre, y down): the labels of the top and bottom spokes
    above and below their tips; the side labels beside their tips, moved apart vertically (as little as
    possible, groups centred on where they would be) so that neighbours on a side never overlap, and kept
    clear of the top and bottom labels and outside the circle through the labels' anchors."""
    places = [(ex * radius, -ey * radius) for ex, ey in ends]
    overflow = [False]
    reach = _LABEL_RADIUS * radius
    gap = 0.15 * font
    # the labels of the top and bottom spokes: how far they reach sideways (a side label beside them is kept
    # below / above them; one clear of them sideways may pass them)
    widths = {a: max((text_width(line, font, True) for line in ls), default=0) / 2 + gap
              for a, ls in zip(anchors, lines) if a in ("top", "bottom")}
    limits = {}
    for side in ("start", "end"):
        members = sorted((i for i, a in enumerate(anchors) if a == side), key=lambda i: places[i][1])
        low, high = -1e9, 1e9
        if members and "top" in widths and abs(places[members[0]][0]) < widths["top"]:
            low = -reach - 4 + gap
        if members and "bottom" in widths and abs(places[members[-1]][0]) < widths["bottom"]:
            high = reach + 4 - gap
        limits[side] = (low, high)
    for side in ("start", "end"):
        members = sorted((i for i, a in enumerate(anchors) if a == side), key=lambda i: places[i][1])
        low, high = limits[side]
        # blocks of touching labels: (first member, last member, top y); each block centred on its members
        blocks: list[list] = []
        for i in members:
            blocks.append([[i], places[i][1] - heights[i] / 2])
            while True:
                if len(blocks) > 1:
                    prev, last = blocks[-2], blocks[-1]
                    prev_bottom = prev[1] + sum(heights[j] for j in prev[0]) + gap * (len(prev[0]) - 1)
                    if prev_bottom + gap > last[1]:
                        merged = prev[0] + last[0]
                        total = sum(heights[j] for j in merged) + gap * (len(merged) - 1)
                        centre = sum(places[j][1] for j in merged) / len(merged)
                        blocks[-2:] = [[merged, centre - total / 2]]
                        continue
                break
        for block in blocks:  # within the room the top and bottom labels leave
            total = sum(heights[j] for j in block[0]) + gap * (len(block[0]) - 1)
            if high - total >= low:
                block[1] = min(max(block[1], low), high - total)
            else:  # more than the room: spill over both ends evenly (the caller tries a smaller font)
                block[1] = (low + high - total) / 2
                overflow[0] = True
            y = block[1]
            for j in block[0]:
                centre = y + heights[j] / 2
                x = abs(places[j][0])
                if abs(centre) < reach:  # outside the circle through the anchors
                    x = max(x, (reach ** 2 - centre ** 2) ** 0.5)
                places[j] = (x if side == "start" else -x, centre)
                y += heights[j] + gap
    return places, overflow[0]


def _layout(data, ends, anchors, font: int, half: float, width, size):
    """The radius, the wrapped labels and their places for one label font; whether the labels overflow."""
    lines = [wrap(label, _WRAP) for label in data.spoke_labels]
    side = [max(text_width(line, font, True) for line in ls) for ls, a in zip(lines, anchors) if a in ("start", "end")]
    label = (max(side) if side else 0) + 8
    radius = max(min((half - label) / _LABEL_RADIUS, half / 1.45 if width else size / 2.9), 60.0)
    for i, (ls, anchor) in enumerate(zip(lines, anchors)):
        if anchor in ("start", "end"):  # as wide as the room beside the spoke allows: fewer lines
            room = half - abs(ends[i][0]) * radius - 8
            lines[i] = wrap(data.spoke_labels[i], max(_WRAP, int(room / (0.62 * font))))
    step = font * 1.15
    for _ in range(4):  # a label moved outwards has less room: wrap it again, and place the labels again
        heights = [step * len(ls) for ls in lines]
        places, overflow = _place_labels(ends, anchors, lines, heights, radius, font)
        changed = False
        for i, anchor in enumerate(anchors):
            if anchor in ("start", "end"):
                limit = max(8, int((half - abs(places[i][0]) - 8) / (0.62 * font)))
                if max(len(line) for line in lines[i]) > limit:
                    lines[i], changed = wrap(data.spoke_labels[i], limit), True
        if not changed:
            break
    else:
        heights = [step * len(ls) for ls in lines]
        places, overflow = _place_labels(ends, anchors, lines, heights, radius, font)
    return radius, lines, places, heights, step, overflow


def star_svg(data: StarData, *, title: str, subtitle: str = "", legend_title: str, colours: Sequence[str] | None = None,
             width: int | None = None, size: int = 460, font_size: int = 21, lang: str = "en",
             description: str = "") -> str:
    """Draw ``data``. ``width``: the pane's width in pixels (the star and its labels fill it); else the star
    is ``size`` pixels across. ``colours``: one per series (default: by perspective)."""
    n = len(data.spokes)
    font = max(round(font_size * 0.9), 14)  # spoke labels (bold)
    small = max(round(font_size * 0.8), 13)  # ring values
    colours = list(colours or colours_for([s.perspective for s in data.series]))
    ends = [point(_LABEL_RADIUS, i, n) for i in range(n)]
    anchors = ["start" if ex > 0.05 else "end" if ex < -0.05 else ("top" if ey > 0 else "bottom") for ex, ey in ends]
    total = width or round(size * 1.3)
    half = total / 2 - _PAD
    # the largest label font (from 0.9 of font_size down to 5 px less) at which the side labels fit
    for font in range(max(round(font_size * 0.9), 14), max(round(font_size * 0.9) - 6, 13), -1):
        radius, lines, places, heights, step, overflow = _layout(data, ends, anchors, font, half, width, size)
        if not overflow:
            break
    # vertical extent of the labels around the centre (pixels, y down)
    top_extent, bottom_extent = radius, radius
    for (x, y), height, anchor in zip(places, heights, anchors):
        if anchor == "top":
            top_extent = max(top_extent, -y + 4 + height)
        elif anchor == "bottom":
            bottom_extent = max(bottom_extent, y + 4 + height)
        else:
            top_extent = max(top_extent, -y + height / 2)
            bottom_extent = max(bottom_extent, y + height / 2)
    title_size = font_size + 6
    y = _PAD + title_size
    heading = [("title", y)]
    if subtitle:
        y += font_size * 1.3
        heading.append(("subtitle", y))
    cy = y + font_size * 0.8 + top_extent
    cx = total / 2
    # legend under the star
    sample = 2.4 * font_size
    entries = [sample + 8 + text_width(s.label, font_size) for s in data.series]
    legend_top = cy + bottom_extent + font_size * 1.2
    rows = legend_rows(entries, total - 2 * _PAD, 1.2 * font_size)
    row_height = font_size * 1.6
    height = legend_top + font_size * 1.4 + row_height * len(rows) + _PAD

    svg = Svg(total, height, title + (f" – {subtitle}" if subtitle else ""), description=description,
              css_class="casekit-svg-star")
    svg.text(cx, heading[0][1], title, size=title_size, anchor="middle", bold=True, baseline="auto")
    if subtitle:
        svg.text(cx, heading[1][1], subtitle, size=font_size, anchor="middle", baseline="auto")

    def at(r: float, i: int) -> tuple[float, float]:
        x, y_ = point(r, i, n)
        return cx + x * radius, cy - y_ * radius

    span = data.high - data.low
    _grid(svg, at, data, n, (cx, cy), 1.2)
    for tick in _ticks(data.low, data.high):
        r = (tick - data.low) / span
        svg.text(cx + 5, cy - r * radius - 3, f"{tick:g}", size=small, baseline="auto", fill="#555555")
    svg.close("g")
    svg.open("g", class_="casekit-star-labels")
    for i, (ls, anchor) in enumerate(zip(lines, anchors)):
        x, y_ = cx + places[i][0], cy + places[i][1]
        if anchor == "top":
            svg.text(x, y_ - 4, "", lines=ls, size=font, anchor="middle", bold=True, baseline="auto")
        elif anchor == "bottom":
            svg.text(x, y_ + 4, "", lines=ls, size=font, anchor="middle", bold=True, baseline="hanging")
        else:
            tip = at(1.0, i)
            natural = at(_LABEL_RADIUS, i)
            if abs(natural[1] - y_) > 4:  # moved to keep clear of its neighbours: a leader line to its spoke
                svg.line(tip[0], tip[1], x - (4 if anchor == "start" else -4), y_, stroke=GRID, stroke_width=1)
            svg.text(x, y_, "", lines=ls, size=font, anchor=anchor, bold=True)
    svg.close("g")
    _series(svg, at, data, colours,
            lambda series, i: f"{series.label} · {data.spoke_labels[i]}: {_value_text(series.values[i], lang)}")
    svg.open("g", class_="casekit-legend")
    svg.text(_PAD, legend_top, legend_title, size=font_size, bold=True, baseline="hanging")
    for r, row in enumerate(rows):
        y_ = legend_top + font_size * 1.4 + row_height * (r + 0.5)
        x = _PAD
        for index in row:
            colour = on_white(colours[index % len(colours)])
            svg.line(x, y_, x + sample, y_, stroke=colour, stroke_width=4,
                     stroke_dasharray=DASHES[index % len(DASHES)])
            svg.circle(x + sample / 2, y_, 7, fill=colour)
            svg.text(x + sample + 8, y_, data.series[index].label, size=font_size)
            x += entries[index] + 1.2 * font_size
    svg.close("g")
    return svg.render()


def star_box_svg(data: StarData, *, width: int, height: int, colours: Sequence[str] | None = None,
                 font_size: int = 22, numbered: bool = True, title: str = "", description: str = "") -> str:
    """The star drawn for a box of ``width`` × ``height`` pixels (a projected pane): at that size every label is
    ``font_size`` pixels on the screen. ``numbered``: the spokes carry their numbers (1, 2 …, in the order of
    ``data.spokes``) instead of their names, for a screen that lists the names by the same numbers; the legend
    (one entry per series, ``data.series[i].label``) runs under the star. No ring values: the star's shape and
    the grid beside it tell the values."""
    n = len(data.spokes)
    font = font_size
    colours = list(colours or colours_for([s.perspective for s in data.series]))
    sample = 2.2 * font
    entries = [sample + 8 + text_width(s.label, font) for s in data.series]
    gap = 1.0 * font
    rows = legend_rows(entries, width - 2 * _PAD, gap)
    row_height = font * 1.5
    legend_height = row_height * len(rows) if data.series else 0
    top, bottom = _PAD, height - _PAD - legend_height - 0.3 * font
    labels = [str(i + 1) for i in range(n)] if numbered else list(data.spoke_labels)
    label_width = max((text_width(label, font, True) for label in labels), default=0)
    # the numbers sit beyond the tips: as far out as their half-diagonal, plus a gap
    reach = 0.6 * font + max(label_width / 2, 0.6 * font)
    radius = max(min(width / 2 - _PAD - reach - label_width / 2, (bottom - top) / 2 - reach - 0.6 * font), 40.0)
    cx, cy = width / 2, (top + bottom) / 2
    svg = Svg(width, height, title or description, description=description, css_class="casekit-svg-star")

    def at(r: float, i: int) -> tuple[float, float]:
        x, y_ = point(r, i, n)
        return cx + x * radius, cy - y_ * radius

    _grid(svg, at, data, n, (cx, cy), 1.5)
    svg.close("g")
    svg.open("g", class_="casekit-star-labels")
    for i, label in enumerate(labels):
        x, y_ = at(1.0 + reach / radius, i)
        svg.text(x, y_, label, size=font, anchor="middle", bold=True,
                 **({"data_spoke": data.spokes[i]} if numbered else {}))
    svg.close("g")
    _series(svg, at, data, colours, lambda series, i: f"{series.label} · {data.spoke_labels[i]}")
    svg.open("g", class_="casekit-legend")
    for r, row in enumerate(rows):
        y_ = bottom + 0.3 * font + row_height * (r + 0.5)
        x = _PAD
        for index in row:
            colour = on_white(colours[index % len(colours)])
            svg.line(x, y_, x + sample, y_, stroke=colour, stroke_width=4,
                     stroke_dasharray=DASHES[index % len(DASHES)])
            svg.circle(x + sample / 2, y_, 7, fill=colour)
            svg.text(x + sample + 8, y_, data.series[index].label, size=font)
            x += entries[index] + gap
    svg.close("g")
    return svg.render()


def needs_star_svg(assessments, instrument, *, items: str | Sequence[str] | None = "*_status", by: str = "domain",
                   perspectives: Sequence[str] | None = None, fill: float | None = None,
                   scale: tuple[float, float] | None = None, series: str = "perspective",
                   series_labels: Mapping[str, str] | None = None, title: str | None = None, lang: str | None = None,
                   width: int | None = None, size: int = 460, font_size: int = 21) -> str:
    """The needs star of assessments of one case (what :func:`casekit.charts.needs_star` shows, same
    arguments) as an SVG string. Raises :class:`~casekit.errors.InvalidData` when there is nothing it can
    draw."""
    lang = lang_of(lang)
    data = star_data(assessments, instrument, by=by, items=items, perspectives=perspectives, fill=fill,
                     scale=scale, series=series, series_labels=series_labels, lang=lang)
    default = "ui.chart.needs_star.title" if by == "domain" else "ui.chart.needs_star.title_items"
    colours = colours_for([s.perspective if series == "perspective" else s.key for s in data.series])
    return star_svg(data, title=title if title is not None else text(default, lang),
                    subtitle=instrument.title.get(lang) if instrument is not None else "",
                    legend_title=text("ui.chart.rater" if series == "rater" else "ui.chart.perspective", lang),
                    colours=colours, width=width, size=size, font_size=font_size, lang=lang,
                    description=describe(data, lang))


def describe(data: StarData, lang: str) -> str:
    return text("ui.chart.star.desc", lang, spokes=len(data.spokes),
                series=", ".join(s.label for s in data.series))


__all__ = ["DASHES", "describe", "needs_star_svg", "star_box_svg", "star_svg"]


def _grid(svg: Svg, at, data, n: int, centre: tuple[float, float], stroke_width: float) -> None:
    """Open the grid group and draw its rings (one per tick) and spokes; the caller adds to it and closes it."""
    span = data.high - data.low
    svg.open("g", class_="casekit-star-grid")
    for tick in _ticks(data.low, data.high):
        r = (tick - data.low) / span
        svg.polyline([at(r, i) for i in range(n)], closed=True, fill="none", stroke=GRID, stroke_width=stroke_width)
    for i in range(n):
        tip = at(1.0, i)
        svg.line(centre[0], centre[1], tip[0], tip[1], stroke=GRID, stroke_width=stroke_width)


def _series(svg: Svg, at, data, colours, title) -> None:
    """One group per series: its polygon (dashed per series) and a point with a tooltip ``title(series, i)``."""
    for index, series in enumerate(data.series):
        colour = on_white(colours[index % len(colours)])
        svg.open("g", class_="casekit-star-series", data_series=series.key, tooltip=series.label)
        drawn = [(i, data.radius(v)) for i, v in enumerate(series.values) if v is not None]
        if len(drawn) > 1:
            svg.polyline([at(r, i) for i, r in drawn], closed=True, fill="none", stroke=colour, stroke_width=4,
                         stroke_dasharray=DASHES[index % len(DASHES)], stroke_linejoin="round")
        for i, r in drawn:
            x, y_ = at(r, i)
            svg.add("circle", f"<title>{esc(title(series, i))}</title>",
                    cx=float(x), cy=float(y_), r=7.0, fill=colour, stroke="#ffffff", stroke_width=1.5)
        svg.close("g")

"""Unmet needs by life domain × area as an SVG heatmap: for the gap analysis (:mod:`casekit.gaps`).

Rows are life domains (in casekit's order, labelled from the vocabulary in the chart's language and wrapped),
columns are areas; each cell is coloured by its count on a sequential scale that reads on white (light to dark
orange-red, in at most six steps) and has its count written in it – dark ink on the light steps, white on the
dark ones. A cell with no unmet need is pale grey with a grey ``0``. Cells marked as having no service in their
area (``hole``, and a count above 0) get a thick dark frame lined with white. The legend under the matrix lists
the steps and the frame. Areas are columns in name order ("not given" last), their names across the top when
the columns are wide enough, else upright.

The input is plain rows (``{"domain", "area", "count", "hole"}``), no pandas: the app turns the gap report's
``holes`` frame into them (:func:`casekit.widgets.supervision.charts.heatmap_cells`).
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping

from ...vocab import LifeDomain
from ..base import domain_label, lang_of, shorten, text
from .builder import BOLD_CHAR, CHAR, INK, Svg, legend_rows, text_width, wrap
from .colours import SEQUENTIAL, ink_on

_PAD = 8
_GAP = 3  # white space between cells
EMPTY_FILL = "#f2f2f2"
EMPTY_INK = "#5c5c5c"  # 6:1 on the empty cell
HOLE_STROKE = INK
_DOMAIN_ORDER = {d.value: i for i, d in enumerate(LifeDomain)}


def steps(top: int) -> list[tuple[int, int, str]]:
    """The colour steps for counts 1..``top``: ``(lowest, highest, colour)``, at most six, evenly split."""
    top = max(int(top), 1)
    n = min(top, len(SEQUENTIAL))
    out = []
    for k in range(n):
        low, high = 1 + (k * top) // n, ((k + 1) * top) // n
        index = round(k * (len(SEQUENTIAL) - 1) / (n - 1)) if n > 1 else 2
        out.append((low, high, SEQUENTIAL[index]))
    return out


def fill_for(count: int, scale: list[tuple[int, int, str]]) -> str:
    if count <= 0:
        return EMPTY_FILL
    for low, high, colour in scale:
        if low <= count <= high:
            return colour
    return scale[-1][2]


def _natural(value: str) -> tuple:
    """A sort key that puts "Area 2" before "Area 10"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", value.casefold())
                 if part)


def _cells(rows: Iterable[Mapping], none: str) -> tuple[dict, dict, list[str], list[str]]:
    counts: dict[tuple[str, str], int] = {}
    holes: dict[tuple[str, str], bool] = {}
    domains: list[str] = []
    areas: list[str] = []
    for row in rows:
        domain = str(row.get("domain") or "")
        area = row.get("area")
        area = none if area is None or area != area or str(area).strip() == "" else str(area)
        if not domain:
            continue
        try:
            count = int(row.get("count") or 0)
        except (TypeError, ValueError):
            count = 0
        key = (domain, area)
        counts[key] = counts.get(key, 0) + max(count, 0)
        holes[key] = holes.get(key, False) or (bool(row.get("hole")) and count > 0)
        if domain not in domains:
            domains.append(domain)
        if area not in areas:
            areas.append(area)
    seen = {d: i for i, d in enumerate(domains)}
    domains.sort(key=lambda d: (_DOMAIN_ORDER.get(d, len(_DOMAIN_ORDER)), seen[d]))
    areas.sort(key=lambda a: (a == none, _natural(a)))
    return counts, holes, domains, areas


def _frame(svg: Svg, x: float, y: float, w: float, h: float) -> None:
    """The mark of a hole: a thick dark frame inside the cell, lined with white (seen on light and dark cells)."""
    svg.rect(x + 2.5, y + 2.5, w - 5, h - 5, fill="none", stroke=HOLE_STROKE, stroke_width=5,
             class_="casekit-heatmap-frame")
    svg.rect(x + 6, y + 6, w - 12, h - 12, fill="none", stroke="#ffffff", stroke_width=2)


def heatmap_svg(rows: Iterable[Mapping], *, title: str | None = None, lang: str | None = None,
                width: int | None = None, font_size: int = 21, show_title: bool = True) -> str | None:
    """Unmet needs by life domain (rows) × area (columns) as an SVG string ``width`` pixels wide (default 700;
    narrower when a few areas do not need it all – a column is at most 9 font sizes wide –, wider when many
    areas need more), or ``None`` when no row has a need.

    ``rows``: ``{"domain": life-domain code, "area": name (None: not known), "count": unmet needs,
    "hole": no service in the area}``; rows of the same cell are added up. ``show_title``: draw the title
    (it is always the SVG's ``<title>``)."""
    lang = lang_of(lang)
    none = text("ui.chart.none", lang)
    counts, holes, domains, areas = _cells(rows, none)
    total_count = sum(counts.values())
    if not domains or not areas or total_count <= 0:
        return None
    font = font_size
    total = max(int(width or 700), 360)
    heading = title if title is not None else text("ui.chart.gaps.heatmap_title", lang)
    title_size = font + 6
    row_title, column_title = text("ui.chart.gaps.domain", lang), text("ui.chart.gaps.area", lang)
    legend_title, hole_label = text("ui.chart.gaps.unmet", lang), text("ui.chart.gaps.hole", lang)

    # the row labels: wrapped to at most ~40 % of the width
    label_limit = max(10, int(0.4 * total / (CHAR * font)))
    labels = {d: wrap(domain_label(d, None, lang), label_limit) for d in domains}
    label_width = max([text_width(line, font) * 1.1 for ls in labels.values() for line in ls]  # estimates run short
                      + [text_width(row_title, font, True)])
    left = _PAD + label_width + 12
    # the columns: the rest of the width, at least wide enough for a count
    column = (total - _PAD - left) / len(areas)
    if column < font * 2.6:
        column = font * 2.6
        total = int(left + column * len(areas) + _PAD + 0.5)
    elif column > font * 9:  # few areas: no wider than needed (the page shows it at its size, not blown up)
        column = font * 9
        legend = _PAD + font * 1.7 * 1.3 + 10 + text_width(text("ui.chart.gaps.hole", lang), font) + _PAD
        total = int(max(left + column * len(areas) + _PAD, legend, 360) + 0.5)
        column = (total - _PAD - left) / len(areas)
    right = left + column * len(areas)
    # the area labels: across (wrapped, three lines at most) when the columns are wide enough, else upright
    limit = max(4, int((column - 8) / (CHAR * font)))
    heads = {area: wrap(area, limit) for area in areas}
    across = all(len(ls) <= 3 and max(len(line) for line in ls) <= limit for ls in heads.values())
    if across:
        head_height = max(len(ls) for ls in heads.values()) * font * 1.15
    else:
        heads = {area: [shorten(area, 28)] for area in areas}
        head_height = max(text_width(ls[0], font) for ls in heads.values()) + 6

    # vertical layout
    y = _PAD
    title_lines = wrap(heading, max(10, int((total - 2 * _PAD) / (BOLD_CHAR * title_size))))
    if show_title:
        y += len(title_lines) * title_size * 1.15 + font * 0.4
    column_title_y = y + font * 0.6
    head_top = column_title_y + font * 1.0
    top = head_top + head_height + 8
    row_heights = [max(font * 2.0, len(labels[d]) * font * 1.15 + font * 0.7) for d in domains]
    bottom = top + sum(row_heights)
    # the legend: the steps, the empty cell, the frame of a hole
    scale = steps(max(counts.values()))
    step_texts = [(str(lo) if lo == hi else f"{lo}–{hi}", colour) for lo, hi, colour in scale]
    swatch_h = font * 1.7
    entries = [(("0", EMPTY_FILL), max(text_width("0", font) + 16, swatch_h * 1.3))]
    entries += [((label, colour), max(text_width(label, font) + 16, swatch_h * 1.3)) for label, colour in step_texts]
    has_holes = any(holes.get(key) for key in counts)
    legend_top = bottom + font * 1.0
    layout = legend_rows([w for _entry, w in entries], total - 2 * _PAD, 4)
    legend_height = font * 1.4 + len(layout) * (swatch_h + 6)
    if has_holes:
        legend_height += swatch_h + 10
    height = legend_top + legend_height + _PAD

    top_cell = max(counts, key=lambda k: (counts[k], -domains.index(k[0]), -areas.index(k[1])))
    description = text("ui.chart.gaps.heatmap_desc", lang, total=total_count, domains=len(domains),
                       areas=len(areas), top=counts[top_cell], domain=domain_label(top_cell[0], None, lang),
                       area=top_cell[1])
    svg = Svg(total, height, heading, description=description, css_class="casekit-svg-heatmap")
    if show_title:
        svg.text(_PAD, _PAD, heading, size=title_size, bold=True, baseline="hanging", lines=title_lines)

    # headers
    svg.text((left + right) / 2, column_title_y, column_title, size=font, bold=True, anchor="middle")
    svg.text(_PAD, top - 8, row_title, size=font, bold=True, baseline="auto")
    svg.open("g", class_="casekit-heatmap-areas")
    for i, area in enumerate(areas):
        cx = left + (i + 0.5) * column
        if across:
            svg.text(cx, top - 8, area, size=font, anchor="middle", baseline="auto", lines=heads[area],
                     data_area=area)
        else:
            svg.text(cx, top - 8, heads[area][0], size=font, anchor="start", data_area=area,
                     transform=f"rotate(-90 {cx:.1f} {top - 8:.1f})")
    svg.close("g")

    # rows and cells
    y = top
    for domain, row_height in zip(domains, row_heights):
        name = domain_label(domain, None, lang)
        svg.open("g", class_="casekit-heatmap-row", data_domain=domain)
        svg.text(left - 12, y + row_height / 2, name, size=font, anchor="end", lines=labels[domain])
        for i, area in enumerate(areas):
            count = counts.get((domain, area), 0)
            hole = bool(holes.get((domain, area)))
            fill = fill_for(count, scale)
            tip = text("ui.chart.gaps.cell", lang, domain=name, area=area, count=count)
            if hole:
                tip += f" – {hole_label}"
            x = left + i * column
            svg.open("g", class_="casekit-heatmap-cell" + (" casekit-heatmap-hole" if hole else ""), tooltip=tip,
                     data_domain=domain, data_area=area, data_count=str(count))
            svg.rect(x + _GAP / 2, y + _GAP / 2, column - _GAP, row_height - _GAP, fill=fill)
            if hole:
                _frame(svg, x + _GAP / 2, y + _GAP / 2, column - _GAP, row_height - _GAP)
            ink = EMPTY_INK if count <= 0 else ink_on(fill)
            svg.text(x + column / 2, y + row_height / 2, str(count), size=font, anchor="middle", bold=count > 0,
                     fill=ink)
            svg.close("g")
        svg.close("g")
        y += row_height

    # legend
    svg.open("g", class_="casekit-legend")
    svg.text(_PAD, legend_top, legend_title, size=font, bold=True, baseline="hanging")
    yy = legend_top + font * 1.4
    for line in layout:
        x = _PAD
        for index in line:
            (label, colour), w = entries[index]
            svg.rect(x, yy, w, swatch_h, fill=colour, stroke="#9a9a9a" if colour == EMPTY_FILL else None,
                     stroke_width=1 if colour == EMPTY_FILL else None)
            ink = EMPTY_INK if colour == EMPTY_FILL else ink_on(colour)
            svg.text(x + w / 2, yy + swatch_h / 2, label, size=font, anchor="middle", bold=colour != EMPTY_FILL,
                     fill=ink)
            x += w + 4
        yy += swatch_h + 6
    if has_holes:
        yy += 4
        w = swatch_h * 1.3
        x = _PAD
        svg.rect(x, yy, w, swatch_h, fill="#ffffff", stroke="#9a9a9a", stroke_width=1)
        _frame(svg, x, yy, w, swatch_h)
        svg.text(x + w + 10, yy + swatch_h / 2, hole_label, size=font)
    svg.close("g")
    return svg.render()


__all__ = ["heatmap_svg", "steps"]

"""The dated ecomap as SVG: the client in the centre, the actors around it grouped by sector, one line per tie.

The layout is :func:`casekit.charts.ecomap.layout` (the same slots, sizes and key as the Altair ecomap); here it
is only drawn. Ties: **strong** a thick solid grey line, **tenuous** a thin dashed grey line, **stressful** a
red zig-zag; arrowheads show the direction of support. Formal actors are filled circles, informal ones hollow,
coloured by sector; a dotted ring marks actors linked to an unmet need. Actors whose tie began after ``as_of``
are not drawn; ``privacy=True`` writes "Client" and "Actor 3" instead of names. Under the map: the key and the
sectors' legend.
"""
from __future__ import annotations

import math
from datetime import date

from ...vocab import RelationshipKind, Sector
from ..base import lang_of, text
from ..ecomap import _TOP, LINE_GREY, LINE_STYLES, SECTOR_COLOURS, UNMET_RING, layout, line_rows
from .builder import INK, Svg
from .colours import on_white

_PAD = 5  # as Vega's padding, so that the layout's width plus the padding is the width asked for


def _style(kind: RelationshipKind, k: float) -> dict:
    style = LINE_STYLES[kind]
    out = {"stroke": style["color"], "stroke_width": round(style["strokeWidth"] * k, 2), "fill": "none",
           "stroke_linecap": "round"}
    if "strokeDash" in style:
        out["stroke_dasharray"] = " ".join(str(round(d * k)) for d in style["strokeDash"])
        out["stroke_linecap"] = None
    return out


def _sector_colour(sector: str) -> str:
    return on_white(SECTOR_COLOURS[Sector(sector)])


def ecomap_svg(case, *, as_of: date | None = None, lang: str | None = None, privacy: bool = False,
               highlight_unmet: bool = True, width: int | None = None, spread: str = "angle",
               label_limit: int | None = None, font_size: int | None = None) -> str:
    """The ecomap of ``case`` on ``as_of`` (default: today) as an SVG string, for a pane ``width`` pixels wide
    (arguments as :func:`casekit.charts.ecomap.ecomap` with ``large=True``). ``font_size``: of the labels
    (default: the layout's, 21 px)."""
    lang = lang_of(lang or case.language)
    plan = layout(case, as_of=as_of, lang=lang, privacy=privacy, highlight_unmet=highlight_unmet, large=True,
                  width=width, spread=spread, label_limit=label_limit)
    size, unit, k = plan.size, plan.unit, plan.size["stroke"]
    font = font_size or size["font"]
    title_size = max(size["title"], font + 6)
    top = _PAD + title_size * 1.5

    def X(x: float) -> float:
        return _PAD + (x + plan.half_width) * unit

    def Y(y: float) -> float:
        return top + (_TOP - y) * unit

    map_width = 2 * plan.half_width * unit
    # the sectors' legend under the key
    sectors = [s for s in Sector if s.value in {row["sector"] for row in plan.rows}]
    legend_top = Y(plan.bottom) + 0.4 * font
    columns = max(1, min(len(sectors) or 1, size.get("legend_columns") or 1))
    column_width = map_width / columns
    legend_height = (1.5 * font + math.ceil(len(sectors) / columns) * 1.5 * font) if sectors else 0
    height = legend_top + legend_height + _PAD
    total_width = map_width + 2 * _PAD

    svg = Svg(total_width, height, plan.title, css_class="casekit-svg-ecomap",
              description=text("ui.ecomap.desc", lang, count=len(plan.rows)))
    svg.text(_PAD, _PAD + title_size, plan.title, size=title_size, bold=True, baseline="auto")

    # ties
    lines = line_rows(plan.rows, plan.start, plan.end)
    svg.open("g", class_="casekit-ecomap-ties")
    for kind in (RelationshipKind.TENUOUS, RelationshipKind.STRONG):
        for row in lines[kind.value]:
            svg.line(X(row["x"]), Y(row["y"]), X(row["x2"]), Y(row["y2"]), data_kind=kind.value, **_style(kind, k))
    zigzags: dict[str, list] = {}
    for p in lines[RelationshipKind.STRESSFUL.value]:
        zigzags.setdefault(p["key"], []).append((X(p["x"]), Y(p["y"])))
    for points in zigzags.values():
        svg.polyline(points, data_kind="stressful", **_style(RelationshipKind.STRESSFUL, k))
    head = math.sqrt(size["head"]) * 1.15
    for h in lines["heads"]:
        _arrow(svg, X(h["x"]), Y(h["y"]), h["dx"], -h["dy"], head, h["colour"])
    svg.close("g")

    # actors
    radius = math.sqrt(size["marker"] / math.pi)
    ring = math.sqrt(size["marker"] * size.get("ring", 2.6) / math.pi)
    offset = math.sqrt(size["marker"] * size.get("ring", 2.6)) / 2 + 4 * k
    for row in plan.rows:
        x, y = X(row["x"]), Y(row["y"])
        colour = _sector_colour(row["sector"])
        tip = f"{row['label']} · {row['sector_label']} · {row['kind_label']} · {row['flow_label']}"
        svg.open("g", class_="casekit-ecomap-actor", data_key=row["key"], tooltip=tip)
        if highlight_unmet and row["unmet"]:
            svg.circle(x, y, ring, fill="none", stroke=UNMET_RING, stroke_width=1.8 * k, stroke_dasharray="4 3")
        if row["formal"]:
            svg.circle(x, y, radius, fill=colour, stroke="#ffffff", stroke_width=1.5 * k)
        else:
            svg.circle(x, y, radius - 1.6 * k, fill="#ffffff", stroke=colour, stroke_width=3.2 * k)
        right = row["side"] == "right"
        svg.text(x + offset if right else x - offset, y, row["label"], size=font, anchor="start" if right else "end")
        svg.close("g")

    # the client
    client_r = math.sqrt(size["client"] / math.pi)
    svg.open("g", class_="casekit-ecomap-client")
    svg.circle(X(0), Y(0), client_r, fill="#ffffff", stroke=INK, stroke_width=3 * k)
    svg.text(X(0), Y(0), plan.client, size=font, anchor="middle", bold=True)
    svg.close("g")

    # the key
    key = plan.key
    svg.open("g", class_="casekit-ecomap-key")
    for row in key["rules"]:
        svg.line(X(row["x"]), Y(row["y"]), X(row["x2"]), Y(row["y2"]), **_style(RelationshipKind(row["kind"]), k))
    if key["zigzag"]:
        svg.polyline([(X(p["x"]), Y(p["y"])) for p in key["zigzag"]], **_style(RelationshipKind.STRESSFUL, k))
    for row in key["points"]:
        x, y = X(row["x"]), Y(row["y"])
        if row["kind"] == "formal":
            svg.circle(x, y, radius, fill="#444444")
        elif row["kind"] == "informal":
            svg.circle(x, y, radius - 1.6 * k, fill="#ffffff", stroke="#444444", stroke_width=3.2 * k)
        elif row["kind"] == "unmet":
            svg.circle(x, y, radius * 1.3, fill="none", stroke=UNMET_RING, stroke_width=1.8 * k,
                       stroke_dasharray="4 3")
        else:
            _arrow(svg, x, y, 1.0, 0.0, head, LINE_GREY)
    for row in key["labels"]:
        svg.text(X(row["x"]), Y(row["y"]), row["label"], size=font)
    svg.close("g")

    if sectors:
        svg.open("g", class_="casekit-legend")
        svg.text(_PAD, legend_top, text("ui.ecomap.sector", lang), size=font, bold=True, baseline="hanging")
        for index, sector in enumerate(sectors):
            column, line = index % columns, index // columns
            x = _PAD + column * column_width
            y = legend_top + 1.5 * font + (line + 0.5) * 1.5 * font
            svg.circle(x + radius, y, min(radius, 0.45 * font), fill=_sector_colour(sector.value))
            svg.text(x + 2 * radius + 8, y, sector.label(lang), size=font)
        svg.close("g")
    return svg.render()


def _arrow(svg: Svg, x: float, y: float, dx: float, dy: float, length: float, colour: str) -> None:
    """A filled triangle centred on ``(x, y)`` pointing along ``(dx, dy)`` (pixels, y down)."""
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    nx, ny = -uy, ux
    half = length * 0.45
    tip = (x + ux * length / 2, y + uy * length / 2)
    back = (x - ux * length / 2, y - uy * length / 2)
    svg.polyline([tip, (back[0] + nx * half, back[1] + ny * half), (back[0] - nx * half, back[1] - ny * half)],
                 closed=True, fill=colour, stroke="none", class_="casekit-ecomap-arrow")


__all__ = ["ecomap_svg"]

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
from ...minutes.dates import format_date
from ..base import lang_of, text
from ..ecomap import _TOP, ARC, LINE_GREY, LINE_STYLES, SECTOR_COLOURS, UNMET_RING, _key_items, ecomap_rows, layout, line_rows
from .builder import CHAR, INK, Svg
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


def ecomap_box_svg(case, *, width: int, height: int, as_of: date | None = None, lang: str | None = None,
                   font_size: int = 22, min_font_size: int = 20, highlight_unmet: bool = True) -> str:
    """The ecomap drawn for a box of ``width`` × ``height`` pixels (a projected pane): the map fills the box and,
    shown at that size, every label is ``font_size`` pixels (down to ``min_font_size`` when the network is
    crowded). Names are never shortened: a long one wraps onto as many lines as the room beside its actor
    needs. No title and no key inside: the screen around it shows them (:func:`ecomap_key`)."""
    lang = lang_of(lang or case.language)
    as_of = as_of or date.today()
    rows = ecomap_rows(case, as_of=as_of, lang=lang, spread="height", label_limit=100_000)
    client = case.client.display_name
    pad = 6.0
    sides = {side: sorted((i for i, r in enumerate(rows) if r["side"] == side), key=lambda i: -rows[i]["y"])
             for side in ("left", "right")}

    def arrange(font: int, radius: float):
        """Each side's labels stacked in a column as tall as they need, each actor on the circle level with its
        label: the lines of every label, and the actors' places (pixels from the centre, y down); ``None`` when
        the labels do not fit the box."""
        offset = 0.5 * font * 1.45 + 0.35 * font
        step, between = 1.15 * font, 0.2 * font
        room_height = height - 2 * pad
        places: dict[int, tuple[float, float]] = {}
        lines: dict[int, list[str]] = {}
        for side, members in sides.items():
            if not members:
                continue
            n = len(members)
            tall = max(radius, room_height / 2)  # the actors sit on an oval as tall as the box
            span = min(2 * tall * math.sin(math.radians(ARC)), room_height)
            ys = [(-span / 2 + span * (j + 0.5) / n) for j in range(n)]
            for _ in range(3):
                for j, i in enumerate(members):
                    x = radius * math.sqrt(max(1 - (ys[j] / tall) ** 2, 0.3 ** 2))
                    room = width / 2 - pad - x - offset
                    lines[i] = _wrap_label(rows[i]["label"], max(4, int(room / (CHAR * font))))
                    if max(len(line) for line in lines[i]) * CHAR * font > room + 1:
                        return None
                heights = [len(lines[i]) * step for i in members]
                total = sum(heights) + between * (n - 1)
                if total > room_height:
                    return None
                # each label as near its even place as its neighbours allow, all within the box
                even = [(-span / 2 + span * (j + 0.5) / n) for j in range(n)]
                ys = _untangle(even, heights, between, room_height)
            for j, i in enumerate(members):
                x = radius * math.sqrt(max(1 - (ys[j] / tall) ** 2, 0.3 ** 2))
                places[i] = (x if side == "right" else -x, ys[j])
        return lines, places, offset

    best = None
    for font in range(font_size, min_font_size - 1, -1):
        client_r = max(0.62 * font * len(client) / 2 + 0.6 * font, 1.6 * font)
        radius = min(height / 2 - pad, width / 2 - pad - 8 * CHAR * font)
        while radius >= client_r + 3 * font:
            found = arrange(font, radius)
            if found is not None:
                best = (font, radius, client_r, *found)
                break
            radius -= 4
        if best is not None:
            break
    if best is None:  # more than the box holds even at the smallest font: labels on one line each, overlapping
        font = min_font_size
        client_r = max(0.62 * font * len(client) / 2 + 0.6 * font, 1.6 * font)
        radius = client_r + 3 * font
        offset = 0.5 * font * 1.45 + 0.35 * font
        lines = {i: [row["label"]] for i, row in enumerate(rows)}
        places = {i: (row["x"] * radius, -row["y"] * radius) for i, row in enumerate(rows)}
        best = (font, radius, client_r, lines, places, offset)
    font, radius, client_r, lines, places, offset = best
    marker = 0.5 * font
    # the tie of each actor, in radii from the centre (y up), as the chart module draws them
    rows = [{**row, "x": places[i][0] / radius, "y": -places[i][1] / radius} for i, row in enumerate(rows)]
    lines = [lines[i] for i in range(len(rows))]
    cx, cy = width / 2, height / 2
    k = max(1.0, font / 16)

    def X(x: float) -> float:
        return cx + x * radius

    def Y(y: float) -> float:
        return cy - y * radius

    svg = Svg(width, height, text("ui.ecomap.title", lang, date=format_date(as_of, lang)),
              css_class="casekit-svg-ecomap", description=text("ui.ecomap.desc", lang, count=len(rows)))
    ties: dict[str, list] = {}
    for row in rows:  # each tie from the client's circle to just before its actor (actors sit on an oval)
        reach = math.hypot(row["x"], row["y"]) * radius
        for kind, items in line_rows([row], client_r / reach, 1 - (marker * 1.45 + 3) / reach).items():
            ties.setdefault(kind, []).extend(items)
    svg.open("g", class_="casekit-ecomap-ties")
    for kind in (RelationshipKind.TENUOUS, RelationshipKind.STRONG):
        for row in ties[kind.value]:
            svg.line(X(row["x"]), Y(row["y"]), X(row["x2"]), Y(row["y2"]), data_kind=kind.value, **_style(kind, k))
    zigzags: dict[str, list] = {}
    for p in ties[RelationshipKind.STRESSFUL.value]:
        zigzags.setdefault(p["key"], []).append((X(p["x"]), Y(p["y"])))
    for points in zigzags.values():
        svg.polyline(points, data_kind="stressful", **_style(RelationshipKind.STRESSFUL, k))
    for h in ties["heads"]:
        _arrow(svg, X(h["x"]), Y(h["y"]), h["dx"], -h["dy"], 0.75 * font, h["colour"])
    svg.close("g")
    for row, label_lines in zip(rows, lines):
        x, y = X(row["x"]), Y(row["y"])
        colour = _sector_colour(row["sector"])
        tip = f"{row['label']} · {row['sector_label']} · {row['kind_label']} · {row['flow_label']}"
        svg.open("g", class_="casekit-ecomap-actor", data_key=row["key"], tooltip=tip)
        if highlight_unmet and row["unmet"]:
            svg.circle(x, y, marker * 1.45, fill="none", stroke=UNMET_RING, stroke_width=2 * k, stroke_dasharray="4 3")
        if row["formal"]:
            svg.circle(x, y, marker, fill=colour, stroke="#ffffff", stroke_width=1.5 * k)
        else:
            svg.circle(x, y, marker - 1.6 * k, fill="#ffffff", stroke=colour, stroke_width=3.2 * k)
        right = row["side"] == "right"
        svg.text(x + offset if right else x - offset, y, "", lines=label_lines, size=font,
                 anchor="start" if right else "end")
        svg.close("g")
    svg.open("g", class_="casekit-ecomap-client")
    svg.circle(cx, cy, client_r, fill="#ffffff", stroke=INK, stroke_width=3 * k)
    svg.text(cx, cy, client, size=font, anchor="middle", bold=True)
    svg.close("g")
    return svg.render()


def _wrap_label(label: str, limit: int) -> list[str]:
    """:func:`wrap`, breaking a word longer than ``limit`` after its hyphens ("Pedagogicko-" / "psychologická")."""
    words = []
    for word in str(label).split():
        if len(word) > limit and "-" in word.strip("-"):
            parts = word.split("-")
            words += [part + "-" for part in parts[:-1]] + [parts[-1]]
        else:
            words.append(word)
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + (0 if lines[-1].endswith("-") else 1) + len(word) <= limit:
            lines[-1] += word if lines[-1].endswith("-") else " " + word
        else:
            lines.append(word)
    return lines or [""]


def _untangle(ys: list[float], heights: list[float], between: float, room: float) -> list[float]:
    """Centres ``ys`` (top to bottom) moved as little as possible so that labels of ``heights`` do not overlap
    and stay within ``±room / 2``."""
    ys = list(ys)
    for j in range(1, len(ys)):  # push down
        ys[j] = max(ys[j], ys[j - 1] + (heights[j - 1] + heights[j]) / 2 + between)
    if ys and ys[-1] + heights[-1] / 2 > room / 2:  # then up from the bottom
        ys[-1] = room / 2 - heights[-1] / 2
        for j in range(len(ys) - 2, -1, -1):
            ys[j] = min(ys[j], ys[j + 1] - (heights[j] + heights[j + 1]) / 2 - between)
    return ys


def ecomap_key(case, *, as_of: date | None = None, lang: str | None = None, highlight_unmet: bool = True,
               size: int = 24) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The key of :func:`ecomap_box_svg` for a screen to lay out itself: ``(ties and marks, sectors)``, each a
    list of ``(swatch, label)`` where ``swatch`` is a small SVG (no text) ``size`` pixels high."""
    lang = lang_of(lang or case.language)
    rows = ecomap_rows(case, as_of=as_of or date.today(), lang=lang, spread="height")
    h, w, k = size, 2.2 * size, max(1.0, size / 16)
    mid = h / 2

    def swatch(body: str, width: float = w) -> str:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{h:g}" '
                f'viewBox="0 0 {width:g} {h:g}" aria-hidden="true" class="casekit-swatch">{body}</svg>')

    def attrs(kind: RelationshipKind) -> str:
        return "".join(f' {name.replace("_", "-")}="{value}"' for name, value in _style(kind, k).items()
                       if value is not None)

    keys = []
    for kind, label in _key_items(lang, highlight_unmet):
        if kind in ("strong", "tenuous"):
            body = f'<line x1="2" y1="{mid}" x2="{w - 2:g}" y2="{mid}"{attrs(RelationshipKind(kind))}/>'
        elif kind == "stressful":
            teeth = 8
            points = " ".join(f"{2 + (w - 4) * t / teeth:.1f},{mid + (0 if t in (0, teeth) else (4 if t % 2 else -4)) * k:.1f}"
                              for t in range(teeth + 1))
            body = f'<polyline points="{points}"{attrs(RelationshipKind.STRESSFUL)}/>'
        elif kind == "formal":
            body = f'<circle cx="{w / 2:g}" cy="{mid}" r="{0.3 * h:g}" fill="#444444"/>'
        elif kind == "informal":
            body = (f'<circle cx="{w / 2:g}" cy="{mid}" r="{0.3 * h - 1.6 * k:g}" fill="#ffffff" stroke="#444444" '
                    f'stroke-width="{3.2 * k:g}"/>')
        elif kind == "unmet":
            body = (f'<circle cx="{w / 2:g}" cy="{mid}" r="{0.42 * h:g}" fill="#ffffff" stroke="{UNMET_RING}" '
                    f'stroke-width="{2 * k:g}" stroke-dasharray="4 3"/>')
        else:  # the arrow
            half = 0.3 * h
            body = (f'<line x1="2" y1="{mid}" x2="{w - 2:g}" y2="{mid}" stroke="{LINE_GREY}" stroke-width="{2 * k:g}"/>'
                    f'<polygon points="{w - 2:g},{mid} {w - 2 - 1.2 * half:g},{mid - half:g} {w - 2 - 1.2 * half:g},{mid + half:g}" '
                    f'fill="{LINE_GREY}"/>')
        keys.append((swatch(f'<rect width="{w:g}" height="{h:g}" fill="#ffffff" rx="3"/>' + body), label))
    present = {row["sector"] for row in rows}
    sectors = [(swatch(f'<circle cx="{h / 2:g}" cy="{mid}" r="{0.38 * h:g}" fill="{_sector_colour(s.value)}"/>', h),
                s.label(lang)) for s in Sector if s.value in present]
    return keys, sectors


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


__all__ = ["ecomap_box_svg", "ecomap_key", "ecomap_svg"]

"""The ecomap (Hartman): the client in the centre, the actors of the network around, one line per tie.

Layout (deterministic, computed here, no force simulation): actors sit on a circle around the client,
grouped by :class:`~casekit.vocab.Sector` in the vocabulary's order, clockwise, with one empty slot between
two sectors, so each sector is an arc of its own. The slots are evenly spaced over two side arcs (±60° from
the horizontal, right then left); the top and the bottom stay free, so every label reads horizontally and
none sits on top of another. The chart grows with the number of actors to keep labels apart.

Line styles (Altair has one style per mark, so there is one layer per relationship kind):

- **strong**: a solid, thick grey line;
- **tenuous**: a thin dashed grey line;
- **stressful**: a red zig-zag (a polyline computed along the segment, the "hatched" look of paper
  ecomaps), so it differs from the others in shape, not only in colour.

Arrowheads (small triangles, ``mark_point`` rotated along the line) show the flow of support: towards the
client (head near the client), from the client (head near the actor), both ways (two heads), none (no head).
Formal actors are filled circles, informal ones (family, friends, community) hollow circles, coloured by
sector; with ``highlight_unmet`` a dotted dark ring marks actors linked to an unmet need. The date is in the
title. ``privacy=True`` writes "Client" and "Actor 3" (numbered by the place in the case: ``RoomActor.number``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..minutes.dates import format_date
from ..anonymise.people import actor_pseudonym
from ..model import Case
from ..vocab import ConferenceRole, Flow, RelationshipKind, Sector
from .base import lang_of, shorten, text

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

#: One colour per sector (Okabe–Ito, then two of Paul Tol's), the same in every ecomap.
SECTOR_COLOURS = {
    Sector.SOCIAL: "#0072B2", Sector.HEALTH: "#009E73", Sector.HOUSING: "#E69F00", Sector.FINANCE: "#CC79A7",
    Sector.LEGAL: "#882255", Sector.EDUCATION: "#56B4E9", Sector.EMPLOYMENT: "#44AA99",
    Sector.COMMUNITY: "#999933", Sector.INFORMAL: "#D55E00", Sector.PUBLIC_ADMINISTRATION: "#666666",
}
LINE_GREY, STRESS_RED, UNMET_RING = "#555555", "#C62828", "#222222"
#: Mark properties of each kind of tie (``strokeWidth`` is scaled up for a projector).
LINE_STYLES = {
    RelationshipKind.STRONG: {"color": LINE_GREY, "strokeWidth": 4.5},
    RelationshipKind.TENUOUS: {"color": LINE_GREY, "strokeWidth": 1.6, "strokeDash": [7, 5]},
    RelationshipKind.STRESSFUL: {"color": STRESS_RED, "strokeWidth": 2.2},
}
ARC = 60.0  # degrees above and below the horizontal that the side arcs reach
_HALF_HEIGHT = 1.45  # sets the scale: 2 × 1.45 data units fill the nominal height
_ASPECT = 1.55  # the x axis runs from −1.45·1.55 to +1.45·1.55 (room for the labels on both sides)
_TOP, _BOTTOM = 1.0, 0.95  # the actors' circle (radius 1) reaches ±sin(ARC); the key starts below −_BOTTOM
_ZIGZAG_STEP, _ZIGZAG_AMPLITUDE = 0.07, 0.028
_HEADS = {Flow.TO_CLIENT: ((0.32, -1),), Flow.FROM_CLIENT: ((0.8, 1),), Flow.MUTUAL: ((0.32, -1), (0.8, 1)),
          Flow.NONE: ()}


#: Spreading the slots: ``"angle"`` (evenly over the arcs) or ``"height"`` (evenly spaced labels, top to bottom).
SPREADS = ("angle", "height")
_CHAR = 0.58  # width of an average label character, in font sizes (DejaVu Sans, mixed case; a little generous)
_MIN_LABEL = 22  # ``width`` never shortens a label below this many characters
_FIT_SPACING = 1.35  # with ``width``: neighbouring labels this many font sizes apart (else 1.4)


def _sizes(large: bool) -> dict:
    k = 1.6 if large else 1.0
    return {"font": round(13 * k), "title": round(18 * k), "marker": 260 * k * k, "client": 2800 * k * k,
            "head": 120 * k * k, "stroke": k, "height": 520 * k}


def _slot_angles(n_slots: int, spread: str = "angle") -> list[float]:
    """Angles (degrees, counter-clockwise from east) of ``n_slots`` slots: clockwise down the right arc
    (+ARC → −ARC), then, past the free bottom, up the left arc (180+ARC → 180−ARC).

    ``spread="angle"``: evenly spaced along the arcs. ``spread="height"``: evenly spaced heights (the labels
    of a side form an evenly spaced column), which packs more actors into the same height — neighbours near
    the ends of the arcs are no closer than those near the horizontal."""
    if spread not in SPREADS:
        raise ValueError(f"spread must be one of {SPREADS}")
    if spread == "height":
        top = math.sin(math.radians(ARC))
        angles = []
        for i in range(n_slots):
            s = 2 * (i + 0.5) / n_slots  # 0..2: down the right side, then up the left side
            y = top * (1 - 2 * s) if s < 1 else top * (2 * (s - 1) - 1)
            a = math.degrees(math.asin(max(-1.0, min(1.0, y))))
            angles.append(a if s < 1 else 180 - a)
        return angles
    step = 4 * ARC / n_slots if n_slots else 0.0
    angles = []
    for i in range(n_slots):
        s = (i + 0.5) * step
        angles.append(ARC - s if s < 2 * ARC else 180 + ARC - (s - 2 * ARC))
    return angles


def _slot_gap(n_slots: int, spread: str) -> float:
    """The smallest vertical distance between two neighbouring slots of a side, in data units (radius 1)."""
    if n_slots <= 0:
        return 2.0
    if spread == "height":
        return 4 * math.sin(math.radians(ARC)) / n_slots
    return math.radians(4 * ARC / n_slots) * math.cos(math.radians(ARC))


def _left_arc(angle: float) -> bool:
    return 90 < angle % 360 < 270


FRAME_COLUMNS = ["key", "label", "sector", "sector_label", "formal", "kind", "kind_label", "flow", "flow_label",
                 "unmet", "angle", "x", "y", "side"]


def ecomap_frame(case: Case, *, as_of: date | None = None, lang: str | None = None,
                 privacy: bool = False, spread: str = "angle", label_limit: int = 34) -> "pd.DataFrame":
    """One row per actor in the network on ``as_of``: where it sits and how it is drawn.

    Columns: ``key`` (``a<number>``, the actor's place in the case), ``label``, ``sector``, ``sector_label``,
    ``formal``, ``kind``, ``kind_label``, ``flow``, ``flow_label``, ``unmet``, ``angle`` (degrees), ``x``,
    ``y``, ``side`` (``left``/``right``). Actors whose tie began after ``as_of`` are left out. ``lang``
    defaults to the case's language. ``spread``: how the slots are spaced (see :func:`_slot_angles`);
    ``label_limit``: names longer than this are shortened with "…". The rows of :func:`ecomap_rows` as a frame.
    """
    import pandas as pd

    rows = ecomap_rows(case, as_of=as_of, lang=lang, privacy=privacy, spread=spread, label_limit=label_limit)
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def ecomap_rows(case: Case, *, as_of: date | None = None, lang: str | None = None,
                privacy: bool = False, spread: str = "angle", label_limit: int = 34) -> list[dict]:
    """The rows of :func:`ecomap_frame` as a list of dicts (no pandas)."""
    lang = lang_of(lang or case.language)
    as_of = as_of or date.today()
    unmet = {a for need in case.unmet_needs() for a in need.actor_ids}
    numbered = [(i, a) for i, a in enumerate(case.actors, start=1)
                if a.relationship.since is None or a.relationship.since <= as_of]
    groups = [[(i, a) for i, a in numbered if a.sector == sector] for sector in Sector]
    groups = [g for g in groups if g]
    slots: list = []
    for group in groups:
        slots += ([None] if slots else []) + group  # one free slot between two sectors
    angles = _slot_angles(len(slots), spread)
    rows = []
    for slot, angle in zip(slots, angles):
        if slot is None:
            continue
        number, actor = slot
        rad = math.radians(angle)
        rows.append({
            "key": f"a{number}", "label": actor_pseudonym(case, actor.id, lang) if privacy else shorten(actor.name, label_limit),
            "sector": actor.sector.value, "sector_label": actor.sector.label(lang), "formal": actor.formal,
            "kind": actor.relationship.kind.value, "kind_label": actor.relationship.kind.label(lang),
            "flow": actor.relationship.flow.value, "flow_label": actor.relationship.flow.label(lang),
            "unmet": actor.id in unmet, "angle": round(angle, 6),
            "x": round(math.cos(rad), 6) + 0.0, "y": round(math.sin(rad), 6) + 0.0,
            "side": "left" if _left_arc(angle) else "right",
        })
    return rows


def _segment(row: dict, start: float, end: float) -> tuple[float, float, float, float]:
    return row["x"] * start, row["y"] * start, row["x"] * end, row["y"] * end


def _zigzag(key: str, x0: float, y0: float, x1: float, y1: float) -> list[dict]:
    length = math.hypot(x1 - x0, y1 - y0)
    teeth = max(4, round(length / _ZIGZAG_STEP))
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length  # unit normal
    points = []
    for k in range(teeth + 1):
        t = k / teeth
        offset = 0.0 if k in (0, teeth) else _ZIGZAG_AMPLITUDE * (1 if k % 2 else -1)
        points.append({"key": key, "order": k, "x": x0 + t * (x1 - x0) + nx * offset,
                       "y": y0 + t * (y1 - y0) + ny * offset})
    return points


def line_rows(rows: list[dict], start: float, end: float) -> dict[str, list[dict]]:
    """Per relationship kind, the lines: ``x, y, x2, y2`` per actor (strong, tenuous) or the zig-zag
    points ``key, order, x, y`` (stressful); plus ``heads``: one row per arrowhead with its ``angle``
    (degrees clockwise from up) and ``dx, dy`` (the direction it points, in data units). No pandas."""
    out: dict[str, list[dict]] = {kind.value: [] for kind in RelationshipKind}
    heads = []
    for row in rows:
        x0, y0, x1, y1 = _segment(row, start, end)
        kind = RelationshipKind(row["kind"])
        if kind == RelationshipKind.STRESSFUL:
            out[kind.value] += _zigzag(row["key"], x0, y0, x1, y1)
        else:
            out[kind.value].append({"key": row["key"], "x": x0, "y": y0, "x2": x1, "y2": y1})
        for t, direction in _HEADS[Flow(row["flow"])]:
            dx, dy = (x1 - x0) * direction, (y1 - y0) * direction
            heads.append({"key": row["key"], "x": x0 + t * (x1 - x0), "y": y0 + t * (y1 - y0),
                          "angle": math.degrees(math.atan2(dx, dy)) % 360, "dx": dx, "dy": dy,
                          "colour": LINE_STYLES[kind]["color"]})
    out["heads"] = heads
    return out


def line_frames(frame: "pd.DataFrame", start: float, end: float) -> dict[str, "pd.DataFrame"]:
    """:func:`line_rows` of the rows of an :func:`ecomap_frame`, as frames."""
    import pandas as pd

    out = line_rows(frame.to_dict("records"), start, end)
    frames = {k: pd.DataFrame(v) for k, v in out.items() if k != "heads"}
    frames["heads"] = pd.DataFrame(out["heads"], columns=["key", "x", "y", "angle", "colour"])
    return frames


def _key_items(lang: str, highlight_unmet: bool) -> list[tuple[str, str]]:
    items = [("strong", RelationshipKind.STRONG.label(lang)), ("tenuous", RelationshipKind.TENUOUS.label(lang)),
             ("stressful", RelationshipKind.STRESSFUL.label(lang)), ("arrow", text("ui.ecomap.key_arrow", lang)),
             ("formal", text("ui.ecomap.key_formal", lang)), ("informal", text("ui.ecomap.key_informal", lang))]
    if highlight_unmet:
        items.append(("unmet", text("ui.ecomap.key_unmet", lang)))
    return items


def _key_frames(items, left: float, right: float, top: float, unit: float, font: int,
                char: float = 0.5) -> dict[str, list]:
    """The key under the map, laid out left to right and wrapped: samples and their labels (``char``: the
    width of a character, in font sizes, used to wrap)."""
    sample, gap, row_height = 0.32, 0.22, 1.9 * font / unit
    x, y = left, top
    out: dict[str, list] = {"rules": [], "zigzag": [], "points": [], "labels": []}
    for kind, label in items:
        width = sample + 0.08 + len(label) * char * font / unit
        if x > left and x + width > right:
            x, y = left, y - row_height
        if kind in ("strong", "tenuous"):
            out["rules"].append({"kind": kind, "x": x, "y": y, "x2": x + sample, "y2": y})
        elif kind == "stressful":
            out["zigzag"] += _zigzag("key", x, y, x + sample, y)
        else:
            out["points"].append({"kind": kind, "x": x + sample / 2, "y": y})
        out["labels"].append({"x": x + sample + 0.08, "y": y, "label": label})
        x += width + gap
    return out


class _Canvas:
    """Shared scales and sizes of one ecomap; ``layer`` starts a named layer on them."""

    def __init__(self, alt, pd, size: dict, half_width: float, bottom: float, top: float):
        self.alt, self.pd, self.size, self.k = alt, pd, size, size["stroke"]
        self.x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-half_width, half_width], nice=False, zero=False))
        self.y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[bottom, top], nice=False, zero=False))

    def layer(self, data, name: str):
        return self.alt.Chart(self.pd.DataFrame(data)).properties(name=name)

    def style(self, kind: RelationshipKind) -> dict:
        style = dict(LINE_STYLES[kind])
        style["strokeWidth"] *= self.k
        return style


def _line_layers(c: _Canvas, lines: dict) -> list:
    layers = []
    for kind in (RelationshipKind.TENUOUS, RelationshipKind.STRONG):
        if not lines[kind.value].empty:
            layers.append(c.layer(lines[kind.value], f"lines_{kind.value}").mark_rule(**c.style(kind)).encode(
                c.x, c.y, x2="x2:Q", y2="y2:Q", detail="key:N"))
    if not lines["stressful"].empty:
        layers.append(c.layer(lines["stressful"], "lines_stressful").mark_line(
            **c.style(RelationshipKind.STRESSFUL)).encode(c.x, c.y, detail="key:N", order="order:Q"))
    if not lines["heads"].empty:
        layers.append(c.layer(lines["heads"], "arrowheads").mark_point(
            shape="triangle-up", filled=True, opacity=1, size=c.size["head"]).encode(
            c.x, c.y, angle=c.alt.Angle("angle:Q", scale=None), color=c.alt.Color("colour:N", scale=None)))
    return layers


def _actor_layers(c: _Canvas, frame: "pd.DataFrame", lang: str, highlight_unmet: bool) -> list:
    alt, size, k = c.alt, c.size, c.k
    layers = []
    if highlight_unmet and frame["unmet"].any():
        layers.append(c.layer(frame[frame["unmet"]], "unmet").mark_point(
            shape="circle", filled=False, opacity=1, size=size["marker"] * size.get("ring", 2.6), strokeWidth=1.8 * k,
            strokeDash=[3, 2], color=UNMET_RING).encode(c.x, c.y))
    present = [s for s in Sector if s.value in set(frame["sector"])]
    colour = alt.Color("sector_label:N", title=text("ui.ecomap.sector", lang), scale=alt.Scale(
        domain=[s.label(lang) for s in present], range=[SECTOR_COLOURS[s] for s in present]),
        legend=alt.Legend(orient=size.get("legend", "right"), labelFontSize=size["font"], titleFontSize=size["font"],
                          symbolSize=size["marker"], labelLimit=400,
                          **({"columns": size["legend_columns"]} if size.get("legend_columns") else {})))
    tooltip = ["label:N", "sector_label:N", "kind_label:N", "flow_label:N"]
    for formal, name in ((True, "actors_formal"), (False, "actors_informal")):
        part = frame[frame["formal"] == formal]
        if part.empty:
            continue
        look = dict(filled=True, stroke="white", strokeWidth=1.5 * k) if formal else dict(filled=False,
                                                                                           strokeWidth=3.2 * k)
        layers.append(c.layer(part, name).mark_point(shape="circle", opacity=1, size=size["marker"], **look)
                      .encode(c.x, c.y, color=colour, tooltip=tooltip))
    offset = math.sqrt(size["marker"] * size.get("ring", 2.6)) / 2 + 4 * k  # clear of the unmet ring
    for side, align, dx in (("right", "left", offset), ("left", "right", -offset)):
        part = frame[frame["side"] == side]
        if not part.empty:
            layers.append(c.layer(part, f"labels_{side}").mark_text(
                align=align, baseline="middle", dx=dx, fontSize=size["font"], color="#111111").encode(
                c.x, c.y, text="label:N"))
    return layers


def _client_layers(c: _Canvas, label: str) -> list:
    centre = [{"x": 0.0, "y": 0.0, "label": label}]
    return [
        c.layer(centre, "client").mark_point(shape="circle", filled=True, fill="white", stroke="#111111",
                                             strokeWidth=3 * c.k, opacity=1, size=c.size["client"]).encode(c.x, c.y),
        c.layer(centre, "client_label").mark_text(fontSize=c.size["font"], fontWeight="bold", color="#111111")
        .encode(c.x, c.y, text="label:N"),
    ]


def _key_layers(c: _Canvas, key: dict) -> list:
    size, k = c.size, c.k
    layers = [c.layer([row], f"key_{row['kind']}").mark_rule(**c.style(RelationshipKind(row["kind"])))
              .encode(c.x, c.y, x2="x2:Q", y2="y2:Q") for row in key["rules"]]
    layers.append(c.layer(key["zigzag"], "key_stressful").mark_line(**c.style(RelationshipKind.STRESSFUL))
                  .encode(c.x, c.y, order="order:Q"))
    looks = {
        "formal": dict(filled=True, color="#444444", size=size["marker"]),
        "informal": dict(filled=False, color="#444444", strokeWidth=3.2 * k, size=size["marker"]),
        "unmet": dict(filled=False, color=UNMET_RING, strokeWidth=1.8 * k, strokeDash=[3, 2], size=size["marker"] * 2),
        "arrow": dict(filled=True, color=LINE_GREY, shape="triangle-right", size=size["head"]),
    }
    for row in key["points"]:
        look = dict(looks[row["kind"]])
        look.setdefault("shape", "circle")
        layers.append(c.layer([row], f"key_{row['kind']}").mark_point(opacity=1, **look).encode(c.x, c.y))
    layers.append(c.layer(key["labels"], "key_labels").mark_text(
        align="left", baseline="middle", fontSize=size["font"], color="#111111").encode(c.x, c.y, text="label:N"))
    return layers


def ecomap(case: Case, *, as_of: date | None = None, lang: str | None = None, privacy: bool = False,
           highlight_unmet: bool = True, large: bool = False, width: int | None = None, spread: str = "angle",
           label_limit: int | None = None) -> "alt.LayerChart":
    """The ecomap of ``case`` on ``as_of`` (default: today) as a layered Altair chart, in ``lang`` (default:
    the case's language).

    ``privacy=True``: "Client" and "Actor 3" instead of names. ``highlight_unmet``: a dotted ring around
    actors linked to an unmet need. ``large=True``: fonts, markers and lines for a projector (the chart grows
    too). Layers are named (``lines_strong``, ``actors_informal``, ``key_labels`` …). Render it offline with
    :func:`casekit.charts.render.to_svg`.

    Fitting a screen (a projector pane): ``width`` (pixels) lays the map out to be about that wide at its
    nominal font size — the circle as small as the labels allow, the sector legend under the map, long names
    shortened (to no fewer than 22 characters) — so that the SVG, scaled to a pane of that width, keeps its
    text at the nominal size. ``spread="height"`` spaces the actors evenly from top to bottom (a column of
    labels on each side), which fits many actors into less room than the default ``"angle"``.
    ``label_limit``: shorten names to this many characters (default 34, or what ``width`` needs).
    """
    import altair as alt
    import pandas as pd

    plan = layout(case, as_of=as_of, lang=lang, privacy=privacy, highlight_unmet=highlight_unmet, large=large,
                  width=width, spread=spread, label_limit=label_limit)
    size, frame = plan.size, pd.DataFrame(plan.rows, columns=FRAME_COLUMNS)
    canvas = _Canvas(alt, pd, size, plan.half_width, plan.bottom, _TOP)
    layers = (_line_layers(canvas, line_frames(frame, plan.start, plan.end))
              + _actor_layers(canvas, frame, plan.lang, highlight_unmet)
              + _client_layers(canvas, plan.client) + _key_layers(canvas, plan.key))
    return alt.layer(*layers).properties(
        width=plan.width, height=plan.height,
        title=alt.TitleParams(plan.title, fontSize=size["title"], anchor="start"),
        view=alt.ViewBackground(stroke=None),
    )


@dataclass
class Layout:
    """Where everything of one ecomap goes, in data units (the actors' circle has radius 1; ``unit`` pixels
    each): shared by the Altair chart and the SVG of :mod:`casekit.charts.svg.ecomap`."""
    lang: str
    as_of: date
    rows: list[dict]
    size: dict
    unit: float
    half_width: float
    bottom: float
    start: float
    end: float
    key: dict
    client: str
    title: str

    @property
    def width(self) -> int:
        return round(2 * self.half_width * self.unit)

    @property
    def height(self) -> int:
        return round((_TOP - self.bottom) * self.unit)


def layout(case: Case, *, as_of: date | None = None, lang: str | None = None, privacy: bool = False,
           highlight_unmet: bool = True, large: bool = False, width: int | None = None, spread: str = "angle",
           label_limit: int | None = None) -> Layout:
    """The layout of :func:`ecomap` (same arguments), without drawing anything (no pandas, no Altair)."""
    if spread not in SPREADS:
        raise ValueError(f"spread must be one of {SPREADS}")
    lang = lang_of(lang or case.language)
    as_of = as_of or date.today()
    size = _sizes(large)
    font = size["font"]
    fit = width is not None and width > 0
    rows = ecomap_rows(case, as_of=as_of, lang=lang, privacy=privacy, spread=spread, label_limit=label_limit or 34)
    client = ConferenceRole.CLIENT.label(lang) if privacy else case.client.display_name
    size["client"] = max(size["client"], (len(client) * 0.62 * font + 14 * size["stroke"]) ** 2)

    # one data unit (the circle's radius) in pixels: the nominal size, or more when neighbours' labels would touch
    n_sectors = len({row["sector"] for row in rows})
    n_slots = len(rows) + max(n_sectors - 1, 0)
    crowded = (_FIT_SPACING if fit else 1.4) * font / _slot_gap(max(n_slots, 1), spread)
    unit = max(size["height"] / (2 * _HALF_HEIGHT), crowded)
    half_width = _HALF_HEIGHT * _ASPECT
    if fit:
        width = width - 10  # Vega pads the chart by 5 pixels on each side
        # markers (and their unmet rings) no wider than the room between two neighbours
        size["marker"] = max(min(size["marker"], (0.8 * _FIT_SPACING * font) ** 2), 196.0)
        size["ring"] = 1.8
        offset = math.sqrt(size["marker"] * size["ring"]) / 2 + 4 * size["stroke"] + 0.6 * font  # ring, gap, margin
        smallest = max(crowded, math.sqrt(size["client"]) / 2 + 4 * font)  # the client and short lines fit
        if label_limit is None and rows:
            room = width / 2 - smallest - offset
            limit = max(_MIN_LABEL, min(34, int(room / (_CHAR * font))))
            for row in rows:
                row["label"] = shorten(row["label"], limit)
        longest = max((len(row["label"]) for row in rows), default=0) * _CHAR * font
        unit = max(smallest, min(size["height"] / (2 * _HALF_HEIGHT), width / 2 - offset - longest))
        half_width = max((unit + offset + longest) / unit, 1.25)
        sectors = [Sector(s).label(lang) for s in dict.fromkeys(row["sector"] for row in rows)]
        entry = max((len(s) for s in sectors), default=8) * _CHAR * font + 2.2 * font
        size["legend"] = "bottom"
        size["legend_columns"] = max(1, min(len(sectors) or 1, int(2 * half_width * unit // entry)))
    key = _key_frames(_key_items(lang, highlight_unmet), -half_width + 0.05, half_width - 0.05,
                      -_BOTTOM - 1.6 * font / unit, unit, font, _CHAR if fit else 0.5)
    bottom = min(p["y"] for p in key["labels"]) - 1.2 * font / unit
    start = (math.sqrt(size["client"]) / 2 + 4) / unit
    end = 1 - (math.sqrt(size["marker"]) / 2 + 4) / unit
    title = text("ui.ecomap.title", lang, date=format_date(as_of, lang))
    return Layout(lang=lang, as_of=as_of, rows=rows, size=size, unit=unit, half_width=half_width, bottom=bottom,
                  start=start, end=end, key=key, client=client, title=title)


__all__ = ["LINE_STYLES", "SECTOR_COLOURS", "SPREADS", "Layout", "ecomap", "ecomap_frame", "ecomap_rows",
           "layout", "line_frames", "line_rows"]

"""Horizontal bars with their counts written at their ends, as SVG; and, built on them, the gap analysis' chart
of the unmet needs that have no service in their area, by life domain (:func:`unserved_svg`).

One bar per life domain, longest first, its length the number of unmet needs in the areas where no service
meets the domain; a bar is split (thin white lines) into its areas, which are also written under it with their
counts ("Vřesová: 2 · Brodce: 1"), so that a community-planning group reads what is missing and where without
decoding colours. Labels come from casekit's vocabulary in the chart's language and are wrapped.

The input is plain rows, no pandas.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ...vocab import LifeDomain
from ..base import PALETTE, domain_label, lang_of, text
from .builder import BOLD_CHAR, CHAR, INK, MUTED, Svg, esc, text_width, wrap

_PAD = 8
BAR_COLOUR = PALETTE[1]  # vermillion: 3.6:1 on white
_DOMAIN_ORDER = {d.value: i for i, d in enumerate(LifeDomain)}


def bars_svg(bars: Sequence[Mapping], *, title: str, description: str = "", width: int | None = None,
             font_size: int = 21, show_title: bool = True, colour: str = BAR_COLOUR,
             css_class: str = "casekit-svg-bars") -> str | None:
    """Horizontal bars, in the given order, as an SVG string ``width`` pixels wide (default 700), or ``None``
    when there is no bar with a value above 0.

    ``bars``: ``{"key": id, "label": text, "value": number, "parts": [{"label", "value"}] (optional: the bar is
    split into them), "note": text under the bar, or a list of items joined by " · " (optional)}``."""
    bars = [b for b in bars if (b.get("value") or 0) > 0]
    if not bars:
        return None
    font = font_size
    small = max(round(font * 0.9), 13)
    total = max(int(width or 700), 360)
    title_size = font + 6
    label_limit = max(10, int(0.36 * total / (CHAR * font)))
    labels = [wrap(str(b["label"]), label_limit) for b in bars]
    label_width = max(text_width(line, font) for ls in labels for line in ls) * 1.1  # estimates run short
    left = _PAD + label_width + 12
    top_value = max(float(b["value"]) for b in bars)
    value_texts = [_number(b["value"]) for b in bars]
    right = total - _PAD - max(text_width(v, font, True) for v in value_texts) - 10
    if right - left < font * 6:  # a narrow chart: the labels get less room
        left = total * 0.45
        labels = [wrap(str(b["label"]), max(6, int((left - _PAD - 12) / (CHAR * font)))) for b in bars]
    span = right - left
    note_limit = max(10, int((total - _PAD - left) / (CHAR * small)))
    notes = [_pack(b.get("note"), note_limit) for b in bars]
    bar_height = font * 1.5

    y = _PAD
    title_lines = wrap(title, max(10, int((total - 2 * _PAD) / (BOLD_CHAR * title_size))))
    if show_title:
        y += len(title_lines) * title_size * 1.15 + font * 0.5
    top = y
    heights = []
    for ls, note in zip(labels, notes):
        block = bar_height + (6 + len(note) * small * 1.15 if note else 0)
        label = bar_height / 2 + font * 0.6 + (len(ls) - 1) * font * 1.15
        heights.append(max(block, label) + font * 0.7)
    height = top + sum(heights) + _PAD
    svg = Svg(total, height, title, description=description, css_class=css_class)
    if show_title:
        svg.text(_PAD, _PAD, title, size=title_size, bold=True, baseline="hanging", lines=title_lines)
    y = top
    for bar, ls, note, row_height, shown in zip(bars, labels, notes, heights, value_texts):
        value = float(bar["value"])
        length = value / top_value * span if top_value else 0
        svg.open("g", class_="casekit-bar", data_key=bar.get("key", bar["label"]), data_value=shown)
        bar_top = y + font * 0.35
        # the first line of the label beside the bar, the others under it
        svg.text(left - 12, bar_top + bar_height / 2 + font * 1.15 * (len(ls) - 1) / 2, bar["label"], size=font,
                 anchor="end", lines=ls)
        parts = [p for p in bar.get("parts") or [] if (p.get("value") or 0) > 0] or [
            {"label": bar["label"], "value": value}]
        x = left
        for part in parts:
            w = float(part["value"]) / top_value * span if top_value else 0
            tip = f"{bar['label']} · {part['label']}: {_number(part['value'])}" if bar.get("parts") else \
                f"{bar['label']}: {shown}"
            svg.add("rect", f"<title>{esc(tip)}</title>", x=float(x), y=float(bar_top), width=float(w),
                    height=float(bar_height), fill=colour, stroke="#ffffff", stroke_width=2.0,
                    class_="casekit-bar-part")
            x += w
        svg.text(left + length + 10, bar_top + bar_height / 2, shown, size=font, bold=True, fill=INK,
                 css_class="casekit-bar-value")
        if note:
            svg.text(left, bar_top + bar_height + 6, "", size=small, baseline="hanging", lines=note, fill=MUTED,
                     css_class="casekit-bar-note")
        svg.close("g")
        y += row_height
    svg.line(left, top, left, y, stroke=INK, stroke_width=1.5)
    return svg.render()


def _pack(note, limit: int) -> list[str]:
    """A bar's note on lines of at most ``limit`` characters: a text is wrapped at spaces; a list of items is
    packed item by item, joined by `` · `` and never split between lines unless an item is longer than a line."""
    if not note:
        return []
    if isinstance(note, str):
        return wrap(note, limit)
    lines: list[str] = []
    for item in note:
        pieces = wrap(str(item), limit)
        if lines and len(lines[-1]) + 3 + len(pieces[0]) <= limit and len(pieces) == 1:
            lines[-1] += " · " + pieces[0]
        else:
            lines.extend(pieces)
    return lines


def _number(value) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


def unserved_svg(rows: Iterable[Mapping], *, title: str | None = None, lang: str | None = None,
                 width: int | None = None, font_size: int = 21, show_title: bool = True) -> str | None:
    """Unmet needs without a service in their area, by life domain (a bar per domain, split into its areas),
    as an SVG string, or ``None`` when every unmet need has a service in its area.

    ``rows``: the heatmap's rows (``{"domain", "area", "count", "hole"}``, see
    :func:`casekit.charts.svg.heatmap.heatmap_svg`); only those with ``hole`` true count."""
    lang = lang_of(lang)
    none = text("ui.chart.none", lang)
    by_domain: dict[str, dict[str, int]] = {}
    for row in rows:
        if not row.get("hole") or not row.get("domain"):
            continue
        try:
            count = int(row.get("count") or 0)
        except (TypeError, ValueError):
            continue
        if count <= 0:
            continue
        area = row.get("area")
        area = none if area is None or area != area or str(area).strip() == "" else str(area)
        areas = by_domain.setdefault(str(row["domain"]), {})
        areas[area] = areas.get(area, 0) + count
    if not by_domain:
        return None
    bars = []
    for domain, areas in by_domain.items():
        parts = sorted(areas.items(), key=lambda kv: (-kv[1], kv[0] == none, kv[0].casefold()))
        bars.append({"key": domain, "label": domain_label(domain, None, lang), "value": sum(areas.values()),
                     "parts": [{"label": a, "value": n} for a, n in parts],
                     "note": [f"{a}: {n}" for a, n in parts]})
    bars.sort(key=lambda b: (-b["value"], _DOMAIN_ORDER.get(b["key"], len(_DOMAIN_ORDER)), b["key"]))
    heading = title if title is not None else text("ui.chart.gaps.unserved_title", lang)
    description = text("ui.chart.gaps.unserved_desc", lang, needs=sum(b["value"] for b in bars), domains=len(bars),
                       top=bars[0]["label"])
    return bars_svg(bars, title=heading, description=description, width=width, font_size=font_size,
                    show_title=show_title, css_class="casekit-svg-unserved")


__all__ = ["bars_svg", "unserved_svg"]

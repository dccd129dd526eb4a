"""A tiny SVG writer shared by the app's charts: elements as strings, every text and attribute escaped.

Nothing but the standard library. Sizes are pixels at the chart's nominal font size; the SVG keeps a
``viewBox`` so that the page can scale it to its pane. Text widths are estimated from the number of characters
(DejaVu Sans: an average character is ~0.58 of the font size, bold ~0.62), which is all the layout needs.
"""
from __future__ import annotations

from typing import Iterable, Sequence

FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif"
INK = "#111111"  # text on white
MUTED = "#444444"
GRID = "#9a9a9a"
CHAR, BOLD_CHAR = 0.58, 0.62  # average character widths, in font sizes

#: one table for str.translate: ``& < > " '`` escaped, control characters other than tab and newline dropped
_TABLE = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;",
          **{code: None for code in range(32) if chr(code) not in "\t\n"}}


def esc(value) -> str:
    """``value`` as XML text or attribute content (``& < > " '`` escaped; control characters dropped)."""
    return str(value).translate(_TABLE)


def num(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros (``12``, ``12.5``, ``-0.25``)."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_width(value: str, size: float, bold: bool = False) -> float:
    return len(str(value)) * size * (BOLD_CHAR if bold else CHAR)


def wrap(label: str, limit: int) -> list[str]:
    """``label`` on lines of at most ``limit`` characters (a longer word keeps a line of its own)."""
    lines: list[str] = []
    for word in str(label).split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _attrs(attrs: dict) -> str:
    out = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        out.append(f' {name}="{esc(num(value) if isinstance(value, float) else value)}"')
    return "".join(out)


class Svg:
    """An SVG document being written: ``add`` elements, then ``render``."""

    def __init__(self, width: float, height: float, title: str, *, description: str = "", css_class: str = ""):
        self.width, self.height = width, height
        self.title, self.description, self.css_class = title, description, css_class
        self.parts: list[str] = []

    def element(self, tag: str, body: str | None = None, /, **attrs) -> str:
        if body is None:
            return f"<{tag}{_attrs(attrs)}/>"
        return f"<{tag}{_attrs(attrs)}>{body}</{tag}>"

    def add(self, tag: str, body: str | None = None, /, **attrs) -> None:
        self.parts.append(self.element(tag, body, **attrs))

    def open(self, tag: str = "g", /, tooltip: str | None = None, **attrs) -> None:
        self.parts.append(f"<{tag}{_attrs(attrs)}>" + (f"<title>{esc(tooltip)}</title>" if tooltip else ""))

    def close(self, tag: str = "g") -> None:
        self.parts.append(f"</{tag}>")

    def line(self, x1, y1, x2, y2, **attrs) -> None:
        self.add("line", x1=float(x1), y1=float(y1), x2=float(x2), y2=float(y2), **attrs)

    def polyline(self, points: Iterable[Sequence[float]], *, closed: bool = False, **attrs) -> None:
        coords = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        self.add("polygon" if closed else "polyline", points=coords, **attrs)

    def circle(self, cx, cy, r, **attrs) -> None:
        self.add("circle", cx=float(cx), cy=float(cy), r=float(r), **attrs)

    def rect(self, x, y, width, height, **attrs) -> None:
        self.add("rect", x=float(x), y=float(y), width=float(width), height=float(height), **attrs)

    def text(self, x, y, value, *, size: float, anchor: str = "start", bold: bool = False, fill: str = INK,
             baseline: str = "middle", lines: Sequence[str] | None = None, line_height: float = 1.15,
             css_class: str | None = None, **attrs) -> None:
        """A label at ``(x, y)``; ``lines`` stacks several lines (``baseline`` ``middle``: centred on ``y``,
        ``hanging``: below it, ``auto``: above it)."""
        lines = list(lines) if lines is not None else [str(value)]
        step = size * line_height
        if baseline == "middle":
            first = y - step * (len(lines) - 1) / 2
        elif baseline == "auto":  # the last line sits on y
            first = y - step * (len(lines) - 1)
        else:
            first = y
        dominant = {"middle": "central", "hanging": "hanging", "auto": None}[baseline]
        common = dict(font_size=float(size), text_anchor=anchor, font_weight="bold" if bold else None, fill=fill,
                      dominant_baseline=dominant, class_=css_class, **attrs)
        if len(lines) == 1:
            self.add("text", esc(lines[0]), x=float(x), y=float(first), **common)
            return
        spans = "".join(self.element("tspan", esc(line), x=float(x), y=float(first + i * step))
                        for i, line in enumerate(lines))
        self.add("text", spans, **common)

    def render(self) -> str:
        w, h = num(self.width), num(self.height)
        desc = f"<desc>{esc(self.description)}</desc>" if self.description else ""
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
                f'role="img" font-family="{esc(FONT_FAMILY)}"'
                + (f' class="{esc(self.css_class)}"' if self.css_class else "") + ">")
        background = f'<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>'
        return head + f"<title>{esc(self.title)}</title>" + desc + background + "".join(self.parts) + "</svg>"


def legend_rows(entries: Sequence[float], width: float, gap: float) -> list[list[int]]:
    """Entries (their widths) laid out left to right and wrapped at ``width``: the indices on each row."""
    rows: list[list[int]] = [[]]
    x = 0.0
    for index, entry in enumerate(entries):
        if rows[-1] and x + entry > width:
            rows.append([])
            x = 0.0
        rows[-1].append(index)
        x += entry + gap
    return [row for row in rows if row] or [[]]

"""Colours for charts on a white panel: the palette's light colours swapped for darker ones of the same hue,
so that thin lines, points and swatches keep a contrast of about 3:1 or more against white."""
from __future__ import annotations

_DARKER = {
    "#E69F00": "#A86F00",  # orange
    "#56B4E9": "#1F78B4",  # sky blue
    "#F0E442": "#857A00",  # yellow
    "#999999": "#6B6B6B",  # grey
    "#999933": "#7A7A1F",  # olive
    "#44AA99": "#2E7F72",  # teal
    "#CC79A7": "#B5558C",  # reddish purple
}


def on_white(colour: str) -> str:
    """``colour``, or a darker one of the same hue when it would be too pale on white."""
    return _DARKER.get(str(colour).upper(), colour)


#: a sequential scale for counts on white (ColorBrewer OrRd without its palest steps): light to dark, the
#: lightest still told apart from a white (empty) cell, every step darker than the one before
SEQUENTIAL = ("#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#990000")


def _luminance(colour: str) -> float:
    """The relative luminance (WCAG 2) of ``#rrggbb``."""
    value = str(colour).lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The contrast ratio (WCAG 2) of two ``#rrggbb`` colours, 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on(fill: str, dark: str = "#111111", light: str = "#ffffff") -> str:
    """The text colour for a label on ``fill``: ``dark`` ink, or ``light`` where that reads better."""
    return dark if contrast(fill, dark) >= contrast(fill, light) else light

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

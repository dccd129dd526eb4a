"""Offline rendering: charts become SVG through vl-convert, in the kernel, with no CDN and no network.

casekit never relies on Altair's default renderer (it loads vega from a CDN, which fails on an offline
machine and in Voilà). :func:`to_svg` converts a chart with vl-convert — with every external request
refused — and :func:`display_chart` shows that SVG in a notebook or an Output widget. :func:`projector`
restyles a chart for a projector: large fonts, high contrast, optionally dark.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .base import lang_of

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt

#: d3 number and date formats per language (decimal comma and Czech month names in Czech)
LOCALES = {"cs": "cs-CZ", "en": "en-US"}
PROJECTOR_FONT = 22


def _vl_version() -> str:
    import altair as alt

    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def to_svg(chart: "alt.TopLevelMixin | dict", *, lang: str | None = None) -> str:
    """The chart as a standalone SVG document (a string), rendered offline by vl-convert.

    External data requests are refused (``allowed_base_urls=[]``); numbers and dates are formatted for
    ``lang`` (default: the current language).
    """
    import vl_convert

    spec = chart if isinstance(chart, dict) else chart.to_dict()
    locale = LOCALES[lang_of(lang)]
    return vl_convert.vegalite_to_svg(spec, vl_version=_vl_version(), allowed_base_urls=[],
                                      format_locale=locale, time_format_locale=locale)


def svg_display(chart: "alt.TopLevelMixin | dict", *, lang: str | None = None) -> Any:
    """An ``IPython.display.SVG`` object of the chart (what :func:`display_chart` shows)."""
    from IPython.display import SVG

    return SVG(data=to_svg(chart, lang=lang))


def display_chart(chart: "alt.TopLevelMixin | dict", out: Any = None, *, lang: str | None = None) -> None:
    """Show the chart as static SVG — in the notebook, or appended to the Output widget ``out``.

    Never hands the chart itself to IPython, so Altair's (CDN) renderer is never asked to draw it.
    With an Output widget, the SVG is appended with ``append_display_data`` (not ``with out:``, which left
    Voilà pages unfinished). Returns nothing, so that a notebook cell shows the chart once.
    """
    image = svg_display(chart, lang=lang)
    if out is not None:
        out.append_display_data(image)
    else:
        from IPython.display import display

        display(image)


def projector(chart: "alt.TopLevelMixin", dark: bool = False, font_size: int = PROJECTOR_FONT) -> "alt.TopLevelMixin":
    """A copy of the chart styled for a projector: axis and legend labels ≥ 20 px, bold titles, thick
    grid-free contrast; ``dark=True`` for light text on black. Apply it last (it configures the top level)."""
    import altair as alt

    size = max(int(font_size), 20)
    ink, paper = ("#ffffff", "#000000") if dark else ("#000000", "#ffffff")
    muted = "#bbbbbb" if dark else "#444444"
    return (
        chart.copy(deep=True)
        .configure(background=paper, font="DejaVu Sans, Arial, sans-serif")
        .configure_axis(labelFontSize=size, titleFontSize=size + 2, labelColor=ink, titleColor=ink,
                        domainColor=ink, tickColor=ink, gridColor=muted, gridOpacity=0.4, labelLimit=400)
        .configure_legend(labelFontSize=size, titleFontSize=size + 2, labelColor=ink, titleColor=ink,
                          symbolSize=300, labelLimit=500, symbolFillColor=ink, symbolStrokeColor=ink)
        .configure_title(fontSize=size + 8, subtitleFontSize=size, color=ink, subtitleColor=ink)
        .configure_header(labelFontSize=size, titleFontSize=size + 2, labelColor=ink, titleColor=ink)
        .configure_text(fontSize=size, color=ink)
        .configure_view(stroke=None)
        .configure_point(size=220, color=ink)
        .configure_line(strokeWidth=4, color=ink)
        .configure_rule(color=muted, strokeWidth=2)
    )


__all__ = ["LOCALES", "display_chart", "projector", "svg_display", "to_svg"]

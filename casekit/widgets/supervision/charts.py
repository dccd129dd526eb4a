"""The gap analysis' charts as inline SVG (plain SVG written in Python), drawn when the view is shown.

:func:`heatmap_cells` turns the report's ``holes`` into the rows the charts draw: the life domain × area heatmap of
unmet needs (:mod:`casekit.charts.svg.heatmap`) and the unmet needs without a service in their area, by life
domain (:mod:`casekit.charts.svg.bars`). The case summary's star and ecomap are drawn from the room projection by
:mod:`casekit.widgets.visuals`, which also wraps these (a chart that cannot be drawn gives a short sentence and a
log entry, never an exception). No Altair, no vl-convert: a chart costs milliseconds.
"""
from __future__ import annotations

from ...i18n import gettext
from ..visuals import FONT_SIZE, chart_html, key_of


def heatmap_cells(report) -> list[dict]:
    """The gap report's ``holes`` (area × life domain with unmet needs) as the plain rows the SVG charts draw:
    ``{"domain", "area", "count", "hole"}`` (``hole``: no service meets the domain in the area)."""
    from .tables import records

    return [{"domain": str(r["domain"]), "area": r["area"], "count": int(r["unmet_needs"] or 0),
             "hole": r["status"] == "no_service"} for r in records(report.holes) if r.get("domain")]


def heatmap_html(report, *, lang: str, width: int | None = None) -> str:
    """The life domain × area heatmap of unmet needs of the gap report, as HTML with an SVG
    (:func:`casekit.charts.svg.heatmap.heatmap_svg`), at most ``width`` pixels wide (narrower: its own size)."""
    from ...charts.svg.heatmap import heatmap_svg

    cells = heatmap_cells(report)
    return chart_html(lambda: heatmap_svg(cells, title=gettext("sv.heatmap_title", lang), lang=lang, width=width,
                                          font_size=FONT_SIZE, show_title=False),
                      lang=lang, empty_key="sv.gaps_none", key=key_of("heatmap", cells, lang, width), own_width=True)


def unserved_html(report, *, lang: str, width: int | None = None) -> str:
    """The unmet needs without a service in their area, by life domain (split into areas), as HTML with an SVG;
    empty when every unmet need has a service (the holes table says so)."""
    from ...charts.svg.bars import unserved_svg

    cells = heatmap_cells(report)
    return chart_html(lambda: unserved_svg(cells, title=gettext("sv.holes_heading", lang), lang=lang, width=width,
                                           font_size=FONT_SIZE, show_title=False),
                      lang=lang, empty_key=None, key=key_of("unserved", cells, lang, width), own_width=True)

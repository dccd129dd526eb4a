"""Charts for case conferences, supervision and research: pure functions from data to Altair charts.

Every function takes a data frame or a model object and returns an Altair chart; nothing is drawn until
the chart is rendered, and rendering is offline (:mod:`casekit.charts.render`: SVG via vl-convert, never
a CDN). Labels follow the current language (``casekit.set_language``) or the ``lang`` argument.

- :func:`needs_star` — the needs star of one case, one polygon per perspective (:mod:`.star`,
  its points from :func:`star_frame` in :mod:`.star_data`);
- :func:`domain_heatmap` — life domain × case or area across a caseload (:mod:`.heatmap`);
- :func:`gas_trajectory` — GAS levels of each goal over the reviews and the T-score (:mod:`.gas`);
- :func:`ecomap` — the dated ecomap of a case's network (:mod:`.ecomap`);
- :func:`agreement_chart` — agreement statistics per item with reference bands (:mod:`.agreement`);
- :func:`to_svg`, :func:`display_chart`, :func:`projector` — offline rendering and projector styling.

Altair is imported when a chart is built, not when this package is imported.
"""
from __future__ import annotations

from .agreement import agreement_chart, agreement_frame
from .ecomap import ecomap, ecomap_frame
from .gas import gas_frames, gas_trajectory
from .heatmap import domain_heatmap, heatmap_frame
from .render import display_chart, projector, svg_display, to_svg
from .star import needs_star
from .star_data import star_frame

__all__ = [
    "agreement_chart", "agreement_frame", "display_chart", "domain_heatmap", "ecomap", "ecomap_frame", "gas_frames", "gas_trajectory",
    "heatmap_frame", "needs_star", "projector", "star_frame", "svg_display", "to_svg",
]

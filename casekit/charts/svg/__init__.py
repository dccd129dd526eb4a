"""The apps' charts as plain SVG strings: no Altair, no vl-convert, no pandas.

- :func:`needs_star_svg` / :func:`star_svg` — the needs star (:mod:`.star`);
- :func:`ecomap_svg` — the dated ecomap (:mod:`.ecomap`);
- :func:`gas_svg` — GAS levels of the goals over the reviews and the T-score (:mod:`.gas`);
- :func:`heatmap_svg` — unmet needs by life domain × area, the holes framed (:mod:`.heatmap`; gap analysis);
- :func:`unserved_svg` — unmet needs without a service in their area, by life domain (:mod:`.bars`, on the
  general :func:`bars_svg`).

Same data and meaning as the Altair charts of :mod:`casekit.charts` (which stay for notebooks and research);
the data are prepared by the same pure-Python functions (:func:`~casekit.charts.star_data.star_data`,
:func:`~casekit.charts.ecomap.layout`, :func:`~casekit.charts.gas.gas_rows`); the gap charts take plain rows
made from the gap report's ``holes``. Each SVG has a ``<title>``, a
``<desc>``, a ``viewBox`` (it scales with its pane), text labels at the given ``font_size`` and dark ink on a
white panel. A chart is built in about a millisecond.
"""
from __future__ import annotations

from .bars import bars_svg, unserved_svg
from .ecomap import ecomap_svg
from .gas import gas_svg
from .heatmap import heatmap_svg
from .star import needs_star_svg, star_svg

__all__ = ["bars_svg", "ecomap_svg", "gas_svg", "heatmap_svg", "needs_star_svg", "star_svg", "unserved_svg"]

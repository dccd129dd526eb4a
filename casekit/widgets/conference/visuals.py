"""Charts for the conference app as inline SVG (offline, vl-convert), through ``casekit.charts``.

Each function returns HTML for an ``ipywidgets.HTML``: the chart's SVG inside ``<div class="casekit-chart">``,
or a short translated sentence when there is nothing to draw or the chart package is missing. Altair and
pandas are imported here only when a chart is drawn (never at app start).

Charts are drawn for a projector: ``width`` is the width (pixels) of the pane the chart is shown in (see
:func:`.theme.chart_width`); the chart is laid out for that width at its nominal font size, and the page
scales the SVG (it keeps its ``viewBox``) to whatever the pane really is. The HTML of the last few charts is
kept (keyed by everything that goes into the chart), so that coming back to a step — or a chart drawn
ahead of time by :mod:`.warmup` — costs nothing.
"""
from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from datetime import date
from typing import Callable

from ...errors import CaseKitError
from ..common import esc, log
from .i18n import t

_XML_HEAD = re.compile(r"^\s*<\?xml[^>]*>\s*", re.S)
#: nominal chart text size (pixels, before the page scales the SVG to its pane)
FONT_SIZE = 21
_CACHE: "OrderedDict[str, str]" = OrderedDict()
_CACHE_SIZE = 24
_CACHE_LOCK = threading.Lock()


def _key(*parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8", "replace"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _cached(key: str | None, make: Callable[[], str]) -> str:
    if key is not None:
        with _CACHE_LOCK:
            if key in _CACHE:
                _CACHE.move_to_end(key)
                return _CACHE[key]
    html, keep = make()
    if key is not None and keep:
        with _CACHE_LOCK:
            _CACHE[key] = html
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    return html


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def _svg(build: Callable[[], object], *, lang: str, dark: bool, empty_key: str, key: str | None = None) -> str:
    def make() -> tuple[str, bool]:
        try:
            from ...charts import projector, to_svg
        except ImportError:
            log.warning("casekit.charts is not available")
            return f"<p class='casekit-chart-missing'>{esc(t('conf.chart_unavailable', lang))}</p>", False
        try:
            chart = build()
            if chart is None:
                return f"<p class='casekit-chart-empty'>{esc(t(empty_key, lang))}</p>", True
            # charts are drawn dark-on-white in both themes: a white panel stays readable on a dark projector page
            svg = to_svg(projector(chart, dark=False, font_size=FONT_SIZE), lang=lang)
        except CaseKitError as exc:
            log.info("chart not drawn: %s", exc)
            return f"<p class='casekit-chart-empty'>{esc(t(empty_key, lang))}</p>", True
        except Exception:  # noqa: BLE001 - a chart must never break the meeting
            log.exception("chart failed")
            return f"<p class='casekit-chart-missing'>{esc(t('conf.chart_failed', lang))}</p>", False
        return f"<div class='casekit-chart'>{_XML_HEAD.sub('', svg)}</div>", True

    return _cached(key, make)


def _dump(value) -> str:
    try:
        return value.model_dump_json()
    except Exception:  # noqa: BLE001 - not a model: no caching on its content
        return repr(id(value))


def needs_star_html(assessments: list, instrument, series_labels: dict[str, str], *, lang: str,
                    dark: bool, width: int | None = None) -> str:
    """The needs star (status per life domain: no need, met, unmet) of the given assessments, drawn for a
    pane ``width`` pixels wide (default: the star's own size)."""

    def build():
        answered = [a for a in assessments if a.answers]
        if not answered:
            return None
        from ...charts import needs_star

        if width:
            return needs_star(answered, instrument, items="*_status", series_labels=series_labels, lang=lang,
                              large=True, width=width)
        return needs_star(answered, instrument, items="*_status", series_labels=series_labels, lang=lang,
                          size=420)

    key = _key("star", [_dump(a) for a in assessments], getattr(instrument, "id", None),
               getattr(instrument, "version", None), sorted(series_labels.items()), lang, width)
    return _svg(build, lang=lang, dark=dark, empty_key="conf.star_empty", key=key)


def ecomap_html(case, as_of: date, *, lang: str, dark: bool, privacy: bool, width: int | None = None) -> str:
    """The ecomap of the case as of ``as_of`` (dated), names masked when ``privacy``, laid out for a pane
    ``width`` pixels wide (evenly spaced labels, the legend underneath)."""

    def build():
        from ...charts.ecomap import ecomap

        if width:
            return ecomap(case, as_of=as_of, lang=lang, privacy=privacy, large=True, width=width, spread="height")
        return ecomap(case, as_of=as_of, lang=lang, privacy=privacy, large=True)

    try:
        import casekit.charts.ecomap  # noqa: F401
    except ImportError:
        return f"<p class='casekit-chart-missing'>{esc(t('conf.chart_unavailable', lang))}</p>"
    key = _key("ecomap", _dump(case), as_of, lang, bool(privacy), width)
    return _svg(build, lang=lang, dark=dark, empty_key="conf.ecomap_empty", key=key)


def gas_html(case, *, lang: str, dark: bool, width: int | None = None) -> str:
    """GAS levels of the goals over the reviews, and the T-score, for a pane ``width`` pixels wide."""

    def build():
        if not case.goals or not case.reviews:
            return None
        from ...charts import gas_trajectory

        if width:
            return gas_trajectory(case, lang=lang, large=True, width=max(width - _GAS_AXES, 240))
        return gas_trajectory(case, lang=lang)

    key = _key("gas", _dump(case), lang, width)
    return _svg(build, lang=lang, dark=dark, empty_key="conf.gas_empty", key=key)


_GAS_AXES = 110  # room for the y axis titles and labels left of the GAS plots (pixels)

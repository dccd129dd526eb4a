"""Charts for the conference app as inline SVG, drawn in pure Python by :mod:`casekit.charts.svg`.

Each function returns HTML for an ``ipywidgets.HTML``: the chart's SVG inside ``<div class="casekit-chart">``,
or a short translated sentence when there is nothing to draw (or the chart failed: logged, never raised). No
Altair, vl-convert or pandas: a chart costs milliseconds and no memory to speak of (the Altair versions in
:mod:`casekit.charts` stay for notebooks and research).

Charts are drawn for a projector: ``width`` is the width (pixels) of the pane the chart is shown in (see
:func:`.theme.chart_width`); the chart is laid out for that width at its nominal font size, and the page
scales the SVG (it keeps its ``viewBox``) to whatever the pane really is. The HTML of the last few charts is
kept (keyed by everything that goes into the chart), so that coming back to a step — or a chart drawn
ahead of time by :mod:`.warmup` — costs nothing.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from datetime import date
from typing import Callable

from ...errors import CaseKitError
from ..common import esc, log, log_failure
from .i18n import t

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


def _svg(build: Callable[[], "str | None"], *, lang: str, empty_key: str, key: str | None = None) -> str:
    def make() -> tuple[str, bool]:
        try:
            svg = build()
            if svg is None:
                return f"<p class='casekit-chart-empty'>{esc(t(empty_key, lang))}</p>", True
        except CaseKitError as exc:
            log_failure(exc, "chart")
            return f"<p class='casekit-chart-empty'>{esc(t(empty_key, lang))}</p>", True
        except Exception:  # noqa: BLE001 - a chart must never break the meeting
            log.exception("chart failed")
            return f"<p class='casekit-chart-missing'>{esc(t('conf.chart_failed', lang))}</p>", False
        return f"<div class='casekit-chart'>{svg}</div>", True

    return _cached(key, make)


def _dump(value) -> str:
    try:
        return value.model_dump_json()
    except Exception:  # noqa: BLE001 - not a model: no caching on its content
        return repr(id(value))


def needs_star_html(assessments: list, instrument, series_labels: dict[str, str], *, lang: str,
                    dark: bool, width: int | None = None) -> str:
    """The needs star (status per life domain: no need, met, unmet) of the given assessments, drawn for a
    pane ``width`` pixels wide (default: the star's own size). ``dark`` is accepted for the callers' sake: the
    charts are dark on a white panel in both themes (readable on a dark projector page too)."""

    def build():
        answered = [a for a in assessments if a.answers]
        if not answered:
            return None
        from ...charts.svg import star

        return star.needs_star_svg(answered, instrument, items="*_status", series_labels=series_labels, lang=lang,
                                   width=width or None, size=420, font_size=FONT_SIZE)

    key = _key("star", [_dump(a) for a in assessments], getattr(instrument, "id", None),
               getattr(instrument, "version", None), sorted(series_labels.items()), lang, width)
    return _svg(build, lang=lang, empty_key="conf.star_empty", key=key)


def ecomap_html(case, as_of: date, *, lang: str, dark: bool, privacy: bool, width: int | None = None) -> str:
    """The ecomap of the case as of ``as_of`` (dated), names masked when ``privacy``, laid out for a pane
    ``width`` pixels wide (evenly spaced labels, the legend underneath)."""

    def build():
        from ...charts.svg import ecomap

        if width:
            return ecomap.ecomap_svg(case, as_of=as_of, lang=lang, privacy=privacy, width=width, spread="height",
                                     font_size=FONT_SIZE)
        return ecomap.ecomap_svg(case, as_of=as_of, lang=lang, privacy=privacy, font_size=FONT_SIZE)

    key = _key("ecomap", _dump(case), as_of, lang, bool(privacy), width)
    return _svg(build, lang=lang, empty_key="conf.ecomap_empty", key=key)


def gas_html(case, *, lang: str, dark: bool, width: int | None = None) -> str:
    """GAS levels of the goals over the reviews, and the T-score, for a pane ``width`` pixels wide."""

    def build():
        from ...charts.svg import gas

        return gas.gas_svg(case, lang=lang, width=width or None, font_size=FONT_SIZE)

    key = _key("gas", _dump(case), lang, width)
    return _svg(build, lang=lang, empty_key="conf.gas_empty", key=key)

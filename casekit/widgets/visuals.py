"""Charts of a case as HTML for an ``ipywidgets.HTML``, drawn from the room projection and kept for a redraw.

Every function returns the chart's SVG inside ``<div class="casekit-chart">``, or a short translated sentence
when there is nothing to draw (or the chart failed: logged, never raised). The charts are plain SVG drawn in
Python (:mod:`casekit.charts.svg`): no Altair, vl-convert or pandas.

The case charts (:func:`star_html`, :func:`ecomap_html`) take a :class:`~casekit.anonymise.room.RoomCase`, never
the case itself: what a chart can show is what the projection let through (initials and masked texts in privacy
mode), whatever fields the drawing code reads (:func:`casekit.widgets.room.chart_case.chart_case`).

The HTML of the last few charts is kept, keyed by everything that goes into the chart (the projection's content,
the day, the language, the width), so that coming back to a view or switching the theme costs nothing.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from datetime import date
from typing import Callable

from ..errors import CaseKitError
from ..i18n import gettext
from .common import esc, log, log_failure

#: nominal chart text size (pixels, before the page scales the SVG to its pane)
FONT_SIZE = 21
_CACHE: "OrderedDict[str, str]" = OrderedDict()
_CACHE_SIZE = 24
_LOCK = threading.Lock()


def key_of(*parts) -> str:
    """A key for the cache from everything that goes into a chart (models by their JSON)."""
    digest = hashlib.sha256()
    for part in parts:
        dump = getattr(part, "model_dump_json", None)
        digest.update((dump() if callable(dump) else repr(part)).encode("utf-8", "replace"))
        digest.update(b"\x00")
    return digest.hexdigest()


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def chart_html(build: Callable[[], "str | None"], *, lang: str, empty_key: str | None, key: str | None = None,
               own_width: bool = False) -> str:
    """``build()`` (an SVG string, or None for nothing to draw) as HTML; kept under ``key``. ``empty_key``: the
    message shown for nothing to draw (None: nothing at all). ``own_width``: a chart narrower than its pane is
    shown at its own size, not blown up."""
    if key is not None:
        with _LOCK:
            if key in _CACHE:
                _CACHE.move_to_end(key)
                return _CACHE[key]
    empty = f"<p class='casekit-chart-empty casekit-muted'>{esc(gettext(empty_key, lang))}</p>" if empty_key else ""
    keep = True
    try:
        svg = build()
        html = empty if svg is None else _wrap(svg, own_width)
    except CaseKitError as exc:
        log_failure(exc, "chart")
        html = empty
    except Exception:  # noqa: BLE001 - a chart must never break the meeting
        log.exception("a chart failed")
        failed = esc(gettext("conf.chart_failed", lang))
        html, keep = f"<p class='casekit-chart-missing casekit-muted'>{failed}</p>", False
    if key is not None and keep:
        with _LOCK:
            _CACHE[key] = html
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    return html


def _wrap(svg: str, own_width: bool) -> str:
    style = ""
    if own_width and svg.startswith("<svg "):
        head = svg[:svg.find(">")]
        marker = ' width="'
        if marker in head:
            width = head.split(marker, 1)[1].split('"', 1)[0]
            style = f" style='max-width: {esc(width)}px'"
    return f"<div class='casekit-chart'{style}>{svg}</div>"


def series_labels(room) -> dict[str, str]:
    """The star's legend: one text per rater (a perspective, or an actor of the network by its label)."""
    labels = {}
    for need in room.needs:
        for r in need.ratings:
            key = f"actor:{r.actor_id}" if r.actor_id else r.perspective
            labels[key] = f"{r.perspective_label}: {r.actor_label}" if r.actor_label else r.perspective_label
    return labels


def star_html(room, *, lang: str, width: int | None = None) -> str:
    """The needs star of the projection's ratings (status per life domain, one series per rater)."""

    def build():
        from ..charts.base import colours_for
        from ..charts.svg.star import describe, star_svg
        from .room.chart_case import star_data

        data = star_data(room, series_labels(room))
        if data is None:
            return None
        return star_svg(data, title="", legend_title=gettext("ui.chart.perspective", lang),
                        colours=colours_for([s.perspective for s in data.series]), width=width, font_size=FONT_SIZE,
                        lang=lang, description=describe(data, lang))

    return chart_html(build, lang=lang, empty_key="conf.star_empty", key=key_of("star", room, lang, width))


def ecomap_html(room, as_of: date | None, *, lang: str, width: int | None = None) -> str:
    """The ecomap of the projection on ``as_of`` (the actors by their labels), for a pane ``width`` wide."""

    def build():
        from ..charts.svg.ecomap import ecomap_svg
        from .room.chart_case import chart_case

        if not room.actors:
            return None
        return ecomap_svg(chart_case(room), as_of=as_of, lang=lang, privacy=False, width=width,
                          spread="height" if width else "angle", font_size=FONT_SIZE)

    return chart_html(build, lang=lang, empty_key="conf.ecomap_empty", key=key_of("ecomap", room, as_of, lang, width))


__all__ = ["FONT_SIZE", "chart_html", "clear_cache", "ecomap_html", "key_of", "series_labels", "star_html"]

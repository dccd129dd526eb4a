"""Charts of the supervision app as inline SVG (plain SVG written in Python), drawn only when a view asks for them.

The case summary reuses the conference app's chart helpers (:func:`casekit.widgets.conference.visuals.
needs_star_html`, ``ecomap_html``) through their public signatures; :func:`star_assessments` turns a case's
needs into the ``casekit-needs`` assessments the star is drawn from (one per perspective, or per actor). The
gap analysis' charts are drawn here from the report's ``holes`` (:func:`heatmap_cells`): the life domain × area
heatmap of unmet needs (:mod:`casekit.charts.svg.heatmap`) and the unmet needs without a service in their
area, by life domain (:mod:`casekit.charts.svg.bars`). No Altair, no vl-convert: a chart costs milliseconds.
A chart that cannot be drawn gives a short sentence (and a log entry), never an exception.
"""
from __future__ import annotations

import re

from ...errors import CaseKitError, describe
from ...vocab import NeedStatus, Perspective
from ..common import esc, log, log_failure
from .i18n import t

FONT_SIZE = 21  # as the conference app's charts (its visuals.FONT_SIZE)
_SVG_WIDTH = re.compile(r'^<svg [^>]*?width="([0-9.]+)"')
NEEDS_INSTRUMENT = "casekit-needs"
_CODES = {NeedStatus.NO_NEED: 0, NeedStatus.MET: 1, NeedStatus.UNMET: 2, NeedStatus.UNKNOWN: 9}


def star_assessments(case, instrument, series_label) -> tuple[list, dict[str, str]]:
    """The case's needs as ``casekit-needs`` assessments (status per life domain, one per rater) and the
    legend labels by series key; ``series_label(perspective, actor_id)`` names a series (privacy applied)."""
    from ...instruments import Assessment

    answers: dict[tuple[Perspective, str | None], dict] = {}
    for need in case.needs:
        for rating in need.ratings:
            actor_id = rating.actor_id if rating.perspective == Perspective.ACTOR else None
            answers.setdefault((rating.perspective, actor_id), {})[f"{need.domain.value}_status"] = \
                _CODES[rating.status]
    items = {i.id for i in instrument.items()}
    found, labels = [], {}
    order = {Perspective.CLIENT: 0, Perspective.WORKER: 1, Perspective.ACTOR: 2}
    for (perspective, actor_id), given in sorted(answers.items(), key=lambda kv: (order[kv[0][0]], kv[0][1] or "")):
        if perspective not in instrument.perspectives:
            continue
        label = series_label(perspective, actor_id)
        try:
            assessment = Assessment.start(instrument, rater=label[:200] or "-", perspective=perspective,
                                          date=case.opened, case_id=case.id, actor_id=actor_id,
                                          id=f"sv-star-{case.id}-{perspective.value}-{actor_id or 'x'}"[:100])
            assessment = assessment.model_copy(update={"answers": {k: v for k, v in given.items() if k in items}})
            found.append(assessment.check(instrument, complete=False))
        except Exception as exc:  # noqa: BLE001 - one odd rating must not hide the star
            log.info("star series %s/%s left out: %s", perspective.value, actor_id, describe(exc))
            continue
        labels[f"actor:{actor_id}" if actor_id else perspective.value] = label
    return found, labels


def heatmap_cells(report) -> list[dict]:
    """The gap report's ``holes`` (area × life domain with unmet needs) as the plain rows the SVG charts draw:
    ``{"domain", "area", "count", "hole"}`` (``hole``: no service meets the domain in the area)."""
    from .tables import records

    return [{"domain": str(r["domain"]), "area": r["area"], "count": int(r["unmet_needs"] or 0),
             "hole": r["status"] == "no_service"} for r in records(report.holes) if r.get("domain")]


def _chart(build, *, lang: str, empty: str | None) -> str:
    try:
        svg = build()
    except CaseKitError as exc:
        log_failure(exc, "gap chart")
        svg = None
    except Exception:  # noqa: BLE001 - a chart must never break the meeting
        log.exception("a gap chart failed")
        return f"<p class='casekit-sv-hint'>{esc(t('conf.chart_failed', lang))}</p>"
    if svg is None:
        return f"<p class='casekit-sv-hint'>{esc(t(empty, lang))}</p>" if empty else ""
    # a chart narrower than its pane (few areas, few bars) is shown at its own size, not blown up
    width = _SVG_WIDTH.search(svg)
    style = f" style='max-width: {width.group(1)}px'" if width else ""
    return f"<div class='casekit-chart'{style}>{svg}</div>"


def heatmap_html(report, *, lang: str, width: int | None = None) -> str:
    """The life domain × area heatmap of unmet needs of the gap report, as HTML with an SVG (plain SVG drawn
    in Python, :func:`casekit.charts.svg.heatmap.heatmap_svg`), at most ``width`` pixels wide."""
    from ...charts.svg.heatmap import heatmap_svg

    return _chart(lambda: heatmap_svg(heatmap_cells(report), title=t("sv.heatmap_title", lang), lang=lang,
                                      width=width, font_size=FONT_SIZE, show_title=False),
                  lang=lang, empty="sv.gaps_none")


def unserved_html(report, *, lang: str, width: int | None = None) -> str:
    """The unmet needs without a service in their area, by life domain (split into areas), as HTML with an SVG;
    empty when every unmet need has a service (the holes table says so)."""
    from ...charts.svg.bars import unserved_svg

    return _chart(lambda: unserved_svg(heatmap_cells(report), title=t("sv.holes_heading", lang), lang=lang,
                                       width=width, font_size=FONT_SIZE, show_title=False),
                  lang=lang, empty=None)

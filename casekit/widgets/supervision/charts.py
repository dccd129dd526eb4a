"""Charts of the supervision app as inline SVG (offline, vl-convert), drawn only when a view asks for them.

The case summary reuses the conference app's chart helpers (:func:`casekit.widgets.conference.visuals.
needs_star_html`, ``ecomap_html``) through their public signatures; :func:`star_assessments` turns a case's
needs into the ``casekit-needs`` assessments the star is drawn from (one per perspective, or per actor). The
gap analysis' heatmap (life domain × area, unmet needs) is drawn here with :func:`casekit.charts.domain_heatmap`.
Altair and pandas are imported inside the functions, never when the app starts. A chart that cannot be drawn
gives a short sentence (and a log entry), never an exception.
"""
from __future__ import annotations

import re

from ...errors import CaseKitError
from ...vocab import NeedStatus, Perspective
from ..common import esc, log
from .i18n import t

_XML_HEAD = re.compile(r"^\s*<\?xml[^>]*>\s*", re.S)
FONT_SIZE = 21
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
            log.info("star series %s/%s left out: %s", perspective.value, actor_id, exc)
            continue
        labels[f"actor:{actor_id}" if actor_id else perspective.value] = label
    return found, labels


def _holes_frame(report):
    """One row per unmet need in an area (the heatmap counts rows), from the report's holes."""
    import pandas as pd

    holes = report.holes
    if not len(holes):
        return None
    area = holes["area"].astype(object).fillna("–").astype(str)
    frame = pd.DataFrame({"area": area, "domain": holes["domain"].astype(str),
                          "count": holes["unmet_needs"].fillna(0).astype(int)})
    frame = frame.loc[frame.index.repeat(frame["count"])].reset_index(drop=True)
    frame["any_unmet"] = True
    return frame


def heatmap_html(report, *, lang: str) -> str:
    """The life domain × area heatmap of unmet needs of the gap report, as HTML with an SVG."""
    try:
        frame = _holes_frame(report)
        if frame is None or not len(frame):
            return f"<p class='casekit-sv-hint'>{esc(t('sv.gaps_none', lang))}</p>"
        from ...charts import domain_heatmap, projector, to_svg

        chart = domain_heatmap(frame, by="area", lang=lang, title=t("sv.heatmap_title", lang))
        svg = to_svg(projector(chart, dark=False, font_size=FONT_SIZE), lang=lang)
    except CaseKitError as exc:
        log.info("heatmap not drawn: %s", exc)
        return f"<p class='casekit-sv-hint'>{esc(t('sv.gaps_none', lang))}</p>"
    except Exception:  # noqa: BLE001 - a chart must never break the meeting
        log.exception("the gap heatmap failed")
        return f"<p class='casekit-sv-hint'>{esc(t('conf.chart_failed', lang))}</p>"
    return f"<div class='casekit-chart'>{_XML_HEAD.sub('', svg)}</div>"

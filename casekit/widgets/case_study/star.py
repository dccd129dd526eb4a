"""The needs star of the exercise: the reference and the trainees' mean status per life domain, as inline SVG.

Drawn offline (vl-convert, :func:`casekit.charts.to_svg`) when the trainer asks for it; pandas and altair are
imported here, inside :func:`star_html`, never when the app starts. Returns HTML for an ``ipywidgets.HTML``;
a chart that cannot be drawn gives a short sentence (and a log entry), never an exception.
"""
from __future__ import annotations

import re
from typing import Mapping

from ...errors import CaseKitError
from ..common import esc, log
from .compare import mean_codes, known
from .render import t

_XML_HEAD = re.compile(r"^\s*<\?xml[^>]*>\s*", re.S)
FONT_SIZE = 21


def star_frame(instrument, reference: Mapping[str, int | None], trainees: Mapping[str, Mapping[str, int | None]],
               perspective: str, lang: str):
    """The long frame of two series: the reference (rater "Reference") and the trainees' mean."""
    from datetime import date

    import pandas as pd

    today = date.today()
    means = mean_codes(trainees, list(reference))
    rows = []
    series = ((t("study_app.reference", lang), "reference", {d: known(c) for d, c in reference.items()}),
              (t("study_app.star_mean", lang), "mean", means))
    for label, assessment_id, values in series:
        for domain, value in values.items():
            rows.append({"case_id": "study", "assessment_id": assessment_id, "date": today, "perspective": perspective,
                         "rater": label, "domain": domain, "item": f"{domain}_status",
                         "value": float("nan") if value is None else float(value), "missing": False})
    return pd.DataFrame(rows)


def star_html(instrument, reference, trainees, perspective: str, *, lang: str, width: int | None = None) -> str:
    try:
        frame = star_frame(instrument, reference, trainees, perspective, lang)
        if frame["value"].notna().sum() == 0:
            return f"<p class='casekit-hint'>{esc(t('study_app.star_empty', lang))}</p>"
        from ...charts import needs_star, projector, to_svg

        chart = needs_star(frame, instrument, items="*_status", series="rater", lang=lang, large=True,
                           width=width, scale=(0, 2))
        svg = to_svg(projector(chart, dark=False, font_size=FONT_SIZE), lang=lang)
    except CaseKitError as exc:
        log.info("star not drawn: %s", exc)
        return f"<p class='casekit-hint'>{esc(t('study_app.star_empty', lang))}</p>"
    except Exception:  # noqa: BLE001 - a chart must never break the class
        log.exception("the exercise's needs star failed")
        return f"<p class='casekit-hint'>{esc(t('study_app.chart_failed', lang))}</p>"
    return f"<div class='casekit-chart'>{_XML_HEAD.sub('', svg)}</div>"

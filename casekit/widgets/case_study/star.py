"""The needs star of the exercise: the reference and the trainees' mean status per life domain, as inline SVG.

Drawn in pure Python (:mod:`casekit.charts.svg`: no Altair, vl-convert or pandas) when the trainer asks for it.
Returns HTML for an ``ipywidgets.HTML``; a chart that cannot be drawn gives a short sentence (and a log
entry), never an exception.
"""
from __future__ import annotations

from typing import Mapping

from ...errors import CaseKitError, describe
from ..common import esc, log, log_failure
from .compare import known, mean_codes
from .render import t

FONT_SIZE = 21


def star_data(instrument, reference: Mapping[str, int | None], trainees: Mapping[str, Mapping[str, int | None]],
              lang: str):
    """Two series over the instrument's domains (in its order): the reference and the trainees' mean, on the
    status scale 0–2 (no need, met, unmet; "not known" and unanswered are not drawn)."""
    from ...charts.base import domain_label
    from ...charts.star_data import StarData, StarSeries

    means = mean_codes(trainees, list(reference))
    values = {"reference": {d: known(c) for d, c in reference.items()}, "mean": means}
    spokes = [d.id for d in instrument.domains if d.id in reference] or list(reference)
    series = [StarSeries(key=f"rater:{label}", label=label, perspective="rater",
                         values=[None if values[name].get(s) is None else float(values[name][s]) for s in spokes])
              for name, label in (("reference", t("study_app.reference", lang)),
                                  ("mean", t("study_app.star_mean", lang)))]
    return StarData(spokes=spokes, spoke_labels=[domain_label(s, instrument, lang) for s in spokes], series=series,
                    low=0.0, high=2.0)


def star_html(instrument, reference, trainees, perspective: str, *, lang: str, width: int | None = None) -> str:
    try:
        data = star_data(instrument, reference, trainees, lang)
        if not any(v is not None for s in data.series for v in s.values):
            return f"<p class='casekit-hint'>{esc(t('study_app.star_empty', lang))}</p>"
        from ...charts.base import colours_for, text
        from ...charts.svg.star import describe, star_svg

        svg = star_svg(data, title=text("ui.chart.needs_star.title", lang), subtitle=instrument.title.get(lang),
                       legend_title=text("ui.chart.rater", lang), colours=colours_for([s.key for s in data.series]),
                       width=width, font_size=FONT_SIZE, lang=lang, description=describe(data, lang))
    except CaseKitError as exc:
        log_failure(exc, "star")
        return f"<p class='casekit-hint'>{esc(t('study_app.star_empty', lang))}</p>"
    except Exception:  # noqa: BLE001 - a chart must never break the class
        log.exception("the exercise's needs star failed")
        return f"<p class='casekit-hint'>{esc(t('study_app.chart_failed', lang))}</p>"
    return f"<div class='casekit-chart'>{svg}</div>"

"""Statistics for piloting assessment instruments: agreement between raters and item statistics.

Ratings come as a tidy long pandas frame with one row per answer (``case_id``, ``rater``, ``item``,
``value``; optional ``domain``, ``perspective``, ``assessment_id``, ``date``). Missing answers are NaN/None.

- :func:`agreement_table` — Cohen's kappa (unweighted, linear, quadratic), Fleiss' kappa, Krippendorff's
  alpha (nominal, ordinal, interval) and ICC(2,1)/ICC(3,k) per item or per domain, with the cases used
  and dropped;
- :func:`cohen_kappa`, :func:`fleiss_kappa`, :func:`krippendorff_alpha`, :func:`icc` — one statistic,
  returned as an :class:`AgreementResult` (value, n_used, n_dropped, note);
- :func:`item_statistics` — distribution, share missing, floor and ceiling effects, mean and median;
- :func:`item_analysis` — per scale Cronbach's α with its interval and McDonald's ω, per item the corrected
  item–total correlation, α if deleted, missing answers, floor and ceiling; :func:`test_retest` — ICC(2,1)
  and ICC(3,1) between waves (:mod:`casekit.analysis.reliability`).

The statistics are computed by scikit-learn, statsmodels, krippendorff and pingouin (see
:mod:`casekit.analysis.agreement`); they and pandas are imported only when a function is called.
"""
from __future__ import annotations

from .agreement import cohen_kappa, fleiss_kappa, icc, krippendorff_alpha
from .items import item_statistics
from .reliability import ItemAnalysis, item_analysis, omega_total, test_retest
from .result import STATISTICS, AgreementResult
from .table import DEFAULT_STATS, LEVEL_STATS, agreement_table


def statistic_label(code: str, lang: str | None = None) -> str:
    """The readable name of a statistic code (``"icc2_1"`` → ``"ICC(2,1)"``), in Czech or English."""
    from ..i18n import gettext

    return gettext(f"analysis.stat.{code}", lang)


__all__ = [
    "DEFAULT_STATS", "LEVEL_STATS", "STATISTICS", "AgreementResult", "ItemAnalysis", "agreement_table",
    "cohen_kappa", "fleiss_kappa", "icc", "item_analysis", "item_statistics", "krippendorff_alpha",
    "omega_total", "statistic_label", "test_retest",
]

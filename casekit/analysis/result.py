"""The result of one agreement statistic: value, cases used and dropped, and a note in Czech or English."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import gettext

#: statistic code -> (deletion rule, library, needs numeric values)
STATISTICS: dict[str, tuple[str, str, bool]] = {
    "kappa": ("pairwise", "sklearn.metrics.cohen_kappa_score", False),
    "kappa_linear": ("pairwise", "sklearn.metrics.cohen_kappa_score", True),
    "kappa_quadratic": ("pairwise", "sklearn.metrics.cohen_kappa_score", True),
    "fleiss_kappa": ("listwise", "statsmodels.stats.inter_rater.fleiss_kappa", False),
    "alpha_nominal": ("pairable", "krippendorff.alpha", False),
    "alpha_ordinal": ("pairable", "krippendorff.alpha", True),
    "alpha_interval": ("pairable", "krippendorff.alpha", True),
    **{f"icc{m}_{s}": ("listwise", "pingouin.intraclass_corr", True) for s in ("1", "k") for m in (1, 2, 3)},
}
#: problems that make a statistic not apply at all (the note then says only that)
_NOT_APPLICABLE = ("analysis.problem.needs_two_raters", "analysis.problem.needs_raters", "analysis.problem.not_numeric")


@dataclass(frozen=True)
class AgreementResult:
    """One statistic: its value, how many cases (units) it used and dropped, and why it may be NaN."""

    statistic: str
    value: float
    n_used: int
    n_dropped: int
    problem: str | None = None  # message key when the value is NaN
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def deletion(self) -> str:
        return STATISTICS[self.statistic][0]

    @property
    def library(self) -> str:
        return STATISTICS[self.statistic][1]

    @property
    def note(self) -> str:
        """:meth:`message` in the current language."""
        return self.message()

    def message(self, lang: str | None = None) -> str:
        """What was used and dropped, and the problem if any, in Czech or English."""
        if self.problem in _NOT_APPLICABLE:
            return self.problem_text(lang)
        text = gettext(f"analysis.deletion.{self.deletion}", lang, used=self.n_used, dropped=self.n_dropped)
        return f"{text} {self.problem_text(lang)}" if self.problem else text

    def problem_text(self, lang: str | None = None, *, family: bool = False) -> str:
        """Why the value is NaN; ``family=True`` names the family ("Cohen's kappa") instead of the variant."""
        if not self.problem:
            return ""
        label = gettext(_family_key(self.statistic) if family else f"analysis.stat.{self.statistic}", lang)
        return gettext(self.problem, lang, statistic=label, **dict(self.params))

    def __float__(self) -> float:
        return float(self.value)


def _family_key(stat: str) -> str:
    if stat.startswith("kappa"):
        return "analysis.stat.kappa"
    if stat.startswith(("alpha_", "icc")):
        return f"analysis.family.{stat[:5].rstrip('_0123456789')}"
    return f"analysis.stat.{stat}"


def result(stat, value, used, dropped, problem=None, **params) -> AgreementResult:
    import math

    value = float(value)
    if problem is None and math.isnan(value):
        problem = "analysis.problem.no_value"
    return AgreementResult(stat, value, int(used), int(dropped), problem, tuple(sorted(params.items())))


def nan_result(stat, used, dropped, problem, **params) -> AgreementResult:
    return result(stat, float("nan"), used, dropped, problem, **params)

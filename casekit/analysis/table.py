"""The agreement table: every agreement statistic per item (or per domain) from one reshaping.

``agreement_table(ratings)`` reshapes the long frame once (:func:`~casekit.analysis.ratings.rating_blocks`)
and calls the statistics libraries on each item's cases × raters array. Columns:

- ``item`` (and ``domain`` when the frame has one) — or ``domain`` and ``n_items`` with ``by="domain"``;
- ``n_raters`` (raters with answers for the item, or the ``raters`` asked for) and ``n_units``: the cases
  with at least one row for the item; by domain a unit is one case's answer to one item of the domain
  (the items' units are pooled);
- one column per statistic (codes in :data:`~casekit.analysis.agreement.STATISTICS`);
- ``<rule>_n`` / ``<rule>_dropped``: units used and dropped under each deletion rule in play —
  ``pairwise`` (Cohen's kappa: both raters answered), ``listwise`` (Fleiss' kappa and ICC: every rater
  answered), ``pairable`` (Krippendorff's alpha: at least two answers);
- ``notes``: why a statistic is NaN (e.g. Cohen's kappa with five raters), in the current language.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from ..errors import InvalidData
from .agreement import ICC_KINDS, KAPPA_WEIGHTS, alpha_on, fleiss_on, icc_on, kappa_on
from .ratings import rating_blocks
from .result import STATISTICS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

DEFAULT_STATS = ("kappa", "kappa_linear", "kappa_quadratic", "fleiss_kappa", "alpha_nominal", "alpha_ordinal",
                 "alpha_interval", "icc2_1", "icc3_k")
#: the default statistics that suit each level of measurement
LEVEL_STATS = {
    "nominal": ("kappa", "fleiss_kappa", "alpha_nominal"),
    "ordinal": ("kappa", "kappa_linear", "kappa_quadratic", "fleiss_kappa", "alpha_nominal", "alpha_ordinal"),
    "interval": DEFAULT_STATS,
}
RULES = ("pairwise", "listwise", "pairable")


def choose_statistics(stats: Sequence[str] | None = None, level: str | None = None) -> tuple[str, ...]:
    if stats is None:
        if level is not None and level not in LEVEL_STATS:
            raise InvalidData("errors.analysis_bad_level", level=level)
        return LEVEL_STATS[level] if level else DEFAULT_STATS
    chosen = tuple(ICC_KINDS.get(s, s) for s in ([stats] if isinstance(stats, str) else stats))
    unknown = [s for s in chosen if s not in STATISTICS]
    if unknown:
        raise InvalidData("errors.analysis_unknown_statistic", names=", ".join(unknown),
                          choices=", ".join(STATISTICS))
    return tuple(dict.fromkeys(chosen))


def statistics_of(x, stats: Sequence[str], numeric: bool = True, labels=None) -> dict:
    """Every requested statistic of one cases × raters float array (NaN = missing)."""
    out = {s: kappa_on(x, s, labels, numeric) for s in stats if s in KAPPA_WEIGHTS}
    if "fleiss_kappa" in stats:
        out["fleiss_kappa"] = fleiss_on(x)
    alphas = [s.removeprefix("alpha_") for s in stats if s.startswith("alpha_")]
    if alphas:
        out.update(alpha_on(x, alphas, numeric))
    iccs = [s for s in stats if s.startswith("icc")]
    if iccs:
        out.update(icc_on(x, iccs, numeric))
    return out


def agreement_table(ratings: "pd.DataFrame", by: str = "item", stats: Sequence[str] | None = None,
                    raters: Sequence | None = None, level: str | None = None,
                    levels: Sequence | Mapping | None = None, lang: str | None = None) -> "pd.DataFrame":
    """Agreement statistics per item (``by="item"``) or per domain (``by="domain"``).

    ``stats``: statistic codes (default: all; ``"ICC2"``/``"ICC3k"`` are accepted too). ``level``
    (``"nominal"``, ``"ordinal"``, ``"interval"``) picks the default statistics that suit it when ``stats``
    is not given. ``raters``: use exactly these raters (e.g. two, for Cohen's kappa); default: every
    rater with answers for the item. ``levels``: the scale's levels (one sequence, or one per item/domain)
    for weighted kappa, so that unused levels still count as steps.
    """
    import pandas as pd

    stats = choose_statistics(stats, level)
    blocks = rating_blocks(ratings, by)
    columns = None if raters is None else blocks.rater_positions(list(raters))
    rules = [r for r in RULES if any(STATISTICS[s][0] == r for s in stats)]
    rows = []
    for g, group in enumerate(blocks.groups):
        x = blocks.block(g, columns)
        labels = levels.get(group) if isinstance(levels, Mapping) else levels
        results = statistics_of(x, stats, blocks.numeric, None if labels is None else list(labels))
        row = {by: group}
        if by == "item" and blocks.domains is not None:
            row["domain"] = blocks.domains[g]
        if by == "domain":
            row["n_items"] = len(blocks.items[g])
        row.update(n_raters=x.shape[1], n_units=x.shape[0])
        row.update({s: results[s].value for s in stats})
        for rule in rules:
            first = next(results[s] for s in stats if STATISTICS[s][0] == rule)
            row.update({f"{rule}_n": first.n_used, f"{rule}_dropped": first.n_dropped})
        notes = dict.fromkeys(r.problem_text(lang, family=True) for r in results.values() if r.problem)
        row["notes"] = "; ".join(notes)
        rows.append(row)
    head = [by] + (["domain"] if by == "item" and blocks.domains is not None else []) + (
        ["n_items"] if by == "domain" else [])
    counts = [f"{rule}_{part}" for rule in rules for part in ("n", "dropped")]
    return pd.DataFrame(rows, columns=[*head, "n_raters", "n_units", *stats, *counts, "notes"])

"""Item analysis for a new instrument: internal consistency per scale, item statistics, test–retest.

What a researcher needs after agreement between raters, from the same tidy long frame (``item``, ``value``,
``domain``, and who answered: ``assessment_id``, else ``case_id`` + ``rater``):

- :func:`item_analysis` — per scale (a domain, or any grouping column): Cronbach's α with its confidence
  interval, McDonald's ω (total, from a one-factor model) and the respondents used and dropped; per item:
  missing answers, mean and SD, the corrected item–total correlation (the item against the sum of the
  *other* items), α if the item is deleted, and floor and ceiling effects;
- :func:`test_retest` — the ICC between two (or more) waves of the same respondents, per scale score or per
  item: ICC(2,1) (two-way, absolute agreement — the usual test–retest coefficient, Koo & Li 2016) and
  ICC(3,1) (consistency), with their 95 % confidence intervals.

The formulas are the libraries': α and its interval (Feldt's F-based interval, as printed by R's
``psych::alpha``) from ``pingouin.cronbach_alpha``; the one-factor maximum-likelihood model for ω from
``statsmodels.multivariate.factor.Factor`` (ω = (Σλ)² / ((Σλ)² + Σθ) with the loadings λ and residual
variances θ on the items' own scale, as R's ``MBESS::ci.reliability(type = "omega")`` and lavaan's one-factor
CFA); the ICCs from ``pingouin.intraclass_corr``. ``tests/test_item_analysis.py`` checks them against
published values. Missing answers are deleted listwise per scale (a respondent counts for a scale when they
answered all its items; ``n_used``/``n_dropped`` say how many), because α, ω and the item–total
correlations must all describe the same people.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from ..errors import InvalidData
from ..i18n import gettext
from .ratings import require_columns

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

FLOOR_CEILING_THRESHOLD = 0.15


@dataclass(frozen=True)
class ItemAnalysis:
    """``scales``: one row per scale; ``items``: one row per item (see :func:`item_analysis`)."""

    scales: "pd.DataFrame"
    items: "pd.DataFrame"

    def _repr_html_(self) -> str:  # pragma: no cover - notebooks
        return self.scales._repr_html_() + self.items._repr_html_()


def respondent_columns(frame: "pd.DataFrame") -> list[str]:
    """Who answered: ``assessment_id`` when the frame has it, else ``case_id`` and ``rater``."""
    if "assessment_id" in frame.columns:
        return ["assessment_id"]
    require_columns(frame, ("case_id", "rater"))
    return ["case_id", "rater"]


def _numbers(series: "pd.Series") -> "pd.Series":
    import pandas as pd

    if pd.api.types.is_bool_dtype(series.dtype):
        return series.astype(float)
    return pd.to_numeric(series, errors="coerce").astype(float)


def _wide(frame: "pd.DataFrame", units: list[str]) -> "pd.DataFrame":
    """Respondents × items (NaN where an item was not answered); a duplicate answer is an error."""
    twice = frame.duplicated([*units, "item"])
    if twice.any():
        first = frame[twice].iloc[0]
        example = ", ".join(f"{c}={first[c]}" for c in [*units, "item"])
        raise InvalidData("errors.analysis_duplicate_ratings", count=int(twice.sum()), example=example)
    return frame.pivot(index=units, columns="item", values="value")


def _alpha(data) -> tuple[float, float, float]:
    import numpy as np
    import pingouin

    if data.shape[1] < 2 or data.shape[0] < 2:
        return math.nan, math.nan, math.nan
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        value, (low, high) = pingouin.cronbach_alpha(data=data, ci=0.95)
    return float(value), float(low), float(high)


def omega_total(data) -> float:
    """McDonald's ω (total) of the columns of ``data`` (complete rows), from a one-factor ML model.

    NaN when the model cannot be fitted: fewer than 3 items or 3 respondents, an item that does not vary.
    """
    import numpy as np

    x = np.asarray(data, dtype=float)
    n, k = x.shape
    if k < 3 or n < 3:
        return math.nan
    sd = x.std(axis=0, ddof=1)
    if not np.all(sd > 0):
        return math.nan
    from statsmodels.multivariate.factor import Factor

    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            fitted = Factor(x, n_factor=1, method="ml").fit()
    except (ValueError, np.linalg.LinAlgError):
        return math.nan
    loadings = np.asarray(fitted.loadings)[:, 0] * sd           # on the items' own scale
    residual = np.asarray(fitted.uniqueness) * sd ** 2
    if loadings.sum() < 0:                                        # a factor's sign is arbitrary
        loadings = -loadings
    common = loadings.sum() ** 2
    value = common / (common + residual.sum())
    return float(value) if np.isfinite(value) else math.nan


def item_analysis(ratings: "pd.DataFrame", by: str = "domain", levels: Sequence | Mapping | None = None,
                  instrument=None, threshold: float = FLOOR_CEILING_THRESHOLD,
                  lang: str | None = None) -> ItemAnalysis:
    """Internal consistency per scale and item statistics (see the module documentation).

    ``ratings``: the long frame (``casekit.instruments.long_frame``, values as numbers; answers marked
    ``missing`` should be NaN). ``by``: the column that names each item's scale (default ``domain``; every item
    in one scale when the frame has no such column). ``levels`` or ``instrument`` give each item's scale
    levels for floor and ceiling (the lowest and highest level; else the lowest and highest answer seen);
    ``threshold``: the share of answers at the floor or ceiling counted as an effect (default 15 %, Terwee et
    al. 2007).
    """
    import numpy as np
    import pandas as pd

    from .items import item_statistics

    require_columns(ratings, ("item", "value"))
    units = respondent_columns(ratings)
    frame = ratings.assign(value=_numbers(ratings["value"]))
    if by not in frame.columns:
        frame = frame.assign(**{by: "all"})
    if levels is None and instrument is not None:
        levels = {item.id: [lv.value for lv in item.levels if not lv.missing and isinstance(lv.value, (int, float))]
                  or None for item in instrument.items() if item.levels}
        levels = {k: v for k, v in levels.items() if v}
    stats = item_statistics(frame[["item", "value"]], levels=levels, threshold=threshold).set_index("item")
    scale_of = frame.groupby("item", sort=False)[by].first()
    scale_rows, item_rows = [], []
    for scale, members in scale_of.groupby(scale_of, sort=False):
        items = list(members.index)
        wide = _wide(frame[frame["item"].isin(items)], units).reindex(columns=items)
        complete = wide.dropna()
        alpha, low, high = _alpha(complete)
        omega = omega_total(complete)
        note = ""
        if len(items) < 2:
            note = gettext("analysis.items.one_item", lang)
        elif len(complete) < 3:
            note = gettext("analysis.items.too_few", lang, n=len(complete))
        elif math.isnan(omega):
            note = gettext("analysis.items.no_omega", lang)
        scale_rows.append({by: scale, "n_items": len(items), "n_respondents": len(wide), "n_used": len(complete),
                           "n_dropped": len(wide) - len(complete), "alpha": alpha, "alpha_ci_low": low,
                           "alpha_ci_high": high, "omega": omega,
                           "mean_score": complete.sum(axis=1).mean() if len(complete) else math.nan,
                           "sd_score": complete.sum(axis=1).std(ddof=1) if len(complete) > 1 else math.nan,
                           "notes": note})
        total = complete.sum(axis=1)
        for item in items:
            column = complete[item]
            rest = total - column
            with np.errstate(all="ignore"):
                r = float(np.corrcoef(column, rest)[0, 1]) if len(complete) > 2 and column.std() > 0 and \
                    rest.std() > 0 else math.nan
            dropped = _alpha(complete.drop(columns=[item]))[0] if len(items) > 2 else math.nan
            row = stats.loc[item]
            answered = frame.loc[frame["item"] == item, "value"].dropna()
            item_rows.append({
                "item": item, by: scale, "n_rows": int(row["n_rows"]), "n_missing": int(row["n_missing"]),
                "share_missing": float(row["share_missing"]), "mean": answered.mean(),
                "sd": answered.std(ddof=1) if len(answered) > 1 else math.nan,
                "item_total_r": r, "alpha_if_deleted": dropped,
                "floor_level": row["floor_level"], "ceiling_level": row["ceiling_level"],
                "share_floor": float(row["share_floor"]), "share_ceiling": float(row["share_ceiling"]),
                "floor_effect": bool(row["floor_effect"]), "ceiling_effect": bool(row["ceiling_effect"]),
            })
    return ItemAnalysis(pd.DataFrame(scale_rows), pd.DataFrame(item_rows))


def test_retest(ratings: "pd.DataFrame", wave: str = "wave", waves: Sequence | None = None, by: str = "domain",
                score: str = "sum", lang: str | None = None) -> "pd.DataFrame":
    """ICC(2,1) and ICC(3,1) with 95 % intervals between waves of the same respondents.

    ``wave``: the column telling the waves apart (``wave``, ``date`` …); ``waves``: which of its values, in
    order (default: all, sorted). A respondent is ``case_id`` + ``rater`` (the same person answering again;
    ``assessment_id`` differs between waves). ``by="domain"`` (or any column) compares each scale's
    ``score`` (``sum`` or ``mean`` of its items, over respondents who answered all of them in every wave);
    ``by="item"`` each item. Rows: the scale or item, ``n_used``, ``n_dropped``, ``icc2_1`` with
    ``icc2_1_low``/``icc2_1_high``, ``icc3_1`` with its interval, and ``notes``.
    """
    import numpy as np
    import pandas as pd
    import pingouin

    require_columns(ratings, ("case_id", "rater", "item", "value", wave))
    if score not in ("sum", "mean"):
        raise InvalidData("errors.analysis_bad_score", score=score)
    frame = ratings.assign(value=_numbers(ratings["value"]))
    chosen = sorted(frame[wave].dropna().unique()) if waves is None else list(waves)
    if len(chosen) < 2:
        raise InvalidData("errors.analysis_needs_two_waves", column=wave, count=len(chosen))
    frame = frame[frame[wave].isin(chosen)]
    if by == "item":
        frame = frame.assign(_unit=frame["item"])
    elif by in frame.columns:
        frame = frame.assign(_unit=frame[by])
    else:
        frame = frame.assign(_unit="all")
    rows = []
    for unit, part in frame.groupby("_unit", sort=False):
        wide = _wide(part.rename(columns={}), ["case_id", "rater", wave])  # respondent × wave × item
        n_items = wide.shape[1]
        complete_items = wide.dropna()
        values = complete_items.sum(axis=1) if score == "sum" else complete_items.mean(axis=1)
        table = values.unstack(wave).reindex(columns=chosen)
        respondents = len(table)
        table = table.dropna()
        row = {by: unit, "n_items": n_items, "n_used": len(table), "n_dropped": respondents - len(table)}
        long = table.reset_index(drop=True).rename_axis("target").reset_index().melt(
            id_vars="target", var_name="wave", value_name="score")
        result = {}
        if len(table) >= 3 and long["score"].nunique() > 1:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                found = pingouin.intraclass_corr(long, targets="target", raters="wave", ratings="score")
            found = found.set_index("Type")
            for code, names in (("icc2_1", ("ICC2", "ICC(A,1)")), ("icc3_1", ("ICC3", "ICC(C,1)"))):
                name = next(n for n in names if n in found.index)
                low, high = found.loc[name, "CI95"] if "CI95" in found.columns else found.loc[name, "CI95%"]
                result[code] = (float(found.loc[name, "ICC"]), float(low), float(high))
        for code in ("icc2_1", "icc3_1"):
            value, low, high = result.get(code, (math.nan, math.nan, math.nan))
            row.update({code: value, f"{code}_low": low, f"{code}_high": high})
        row["notes"] = "" if result else gettext("analysis.items.too_few", lang, n=len(table))
        rows.append(row)
    return pd.DataFrame(rows)


test_retest.__test__ = False  # a function named test_… is not a test for pytest

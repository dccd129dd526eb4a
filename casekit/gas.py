"""Goal Attainment Scaling: the Kiresuk–Sherman T-score.

Each goal i is scored xᵢ ∈ {−2, −1, 0, +1, +2} (0 = the expected outcome) and weighted wᵢ (default 1)::

    T = 50 + 10·Σwᵢxᵢ / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²)        ρ = 0.3 (the assumed correlation between goals)

T = 50 when every goal reaches exactly the expected outcome; about 40–60 is the usual range. As in the R
package ``gasr`` (``calc_tscore``), missing scores are dropped together with their weights and missing
weights count as 1.
"""
from __future__ import annotations

import math
import numbers
import sys
from typing import Sequence

from .errors import InvalidData

__all__ = ["gas_tscore"]


def _missing(x) -> bool:
    """None, NaN and pandas' missing values (``pd.NA`` of an ``Int64`` column, ``NaT``) are no answer."""
    if x is None:
        return True
    if isinstance(x, numbers.Real) and not isinstance(x, bool):
        return math.isnan(x)
    pandas = sys.modules.get("pandas")  # only when the caller has pandas values can they be pandas' missing ones
    if pandas is not None:
        try:
            return bool(pandas.isna(x)) if pandas.api.types.is_scalar(x) else False
        except (TypeError, ValueError):
            return False
    return False


def _number(x):
    """A real number as a Python float (numpy and pandas scalars included), else None."""
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        return None
    return float(x)


def gas_tscore(scores: Sequence[float | None], weights: Sequence[float | None] | None = None,
               rho: float = 0.3) -> float | None:
    """The GAS T-score of the goals' scores, or ``None`` when no goal is scored.

    Scores and weights may be Python, numpy or pandas numbers (a numpy array, an ``Int64`` column with
    ``pd.NA`` for a goal not scored). Raises :class:`~casekit.errors.InvalidData` for a score that is not one
    of −2, −1, 0, +1, +2 (``1.5`` is not a GAS level), a weight that is not more than 0, lists of different
    lengths, or ρ outside 0 ≤ ρ < 1.
    """
    scores = list(scores)
    weights = [None] * len(scores) if weights is None else list(weights)
    if len(weights) != len(scores):
        raise InvalidData("errors.gas_lengths", scores=len(scores), weights=len(weights))
    if isinstance(rho, bool) or not isinstance(rho, (int, float)) or not 0 <= rho < 1:
        raise InvalidData("errors.gas_rho", rho=rho)
    pairs = []
    for number, (x, w) in enumerate(zip(scores, weights), start=1):
        if _missing(x):
            continue
        score = _number(x)
        if score is None or not score.is_integer() or not -2 <= score <= 2:
            raise InvalidData("errors.gas_score_out_of_range", goal=number, value=x)
        weight = 1.0 if _missing(w) else _number(w)
        if weight is None or not math.isfinite(weight) or weight <= 0:
            raise InvalidData("errors.gas_weight_not_positive", goal=number, value=w)
        pairs.append((score, weight))
    if not pairs:
        return None
    weighted = sum(w * x for x, w in pairs)
    sum_w = sum(w for _, w in pairs)
    sum_w2 = sum(w * w for _, w in pairs)
    return 50 + 10 * weighted / math.sqrt((1 - rho) * sum_w2 + rho * sum_w**2)

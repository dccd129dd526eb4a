"""Agreement between raters, each statistic computed by a well-kept library.

casekit prepares the data, deletes missing answers the way each statistic requires, and reports how
many cases it used and dropped. The formulas themselves are the libraries':

=====================================  ============================================  ==========================
statistic (code)                       library                                       missing answers
=====================================  ============================================  ==========================
``kappa``, ``kappa_linear``,           ``sklearn.metrics.cohen_kappa_score``         pairwise: a case counts
``kappa_quadratic`` (2 raters)                                                       when both raters answered
``fleiss_kappa`` (≥ 2 raters)          ``statsmodels.stats.inter_rater``             listwise: cases where not
                                       ``aggregate_raters`` + ``fleiss_kappa``       every rater answered drop
``alpha_nominal``, ``alpha_ordinal``,  ``krippendorff.alpha``                        the library handles NaN;
``alpha_interval``                                                                   cases with < 2 answers
                                                                                     carry no pair: "dropped"
``icc1_1`` … ``icc3_k`` (ICC(2,1) is   ``pingouin.intraclass_corr``                  listwise
``icc2_1``, ICC(3,k) is ``icc3_k``)
=====================================  ============================================  ==========================

ICC: pingouin was chosen because it returns all six Shrout & Fleiss forms from one two-way ANOVA and is
validated against R's ``psych::ICC``; statsmodels has no ICC function. For 10,000 cases × 5 raters one
call takes about 40 ms, so no faster route was needed. Krippendorff's alpha is given the library's own
``value_counts`` input (counted once with numpy, shared by the three levels), which the tests prove equal
to calling ``krippendorff.alpha`` on the reliability matrix.

Every function returns an :class:`AgreementResult`; a statistic that is undefined for the data (too few
cases, a single value, text codes for a numeric statistic …) is NaN with a note saying why.
"""
from __future__ import annotations

import warnings
from typing import Sequence

from ..errors import InvalidData
from .result import STATISTICS, AgreementResult, nan_result as _nan, result as _result

KAPPA_WEIGHTS = {"kappa": None, "kappa_linear": "linear", "kappa_quadratic": "quadratic"}
#: ICC names accepted by :func:`icc` -> statistic code (Shrout & Fleiss, pingouin < 0.7, pingouin ≥ 0.7)
ICC_KINDS = {
    **{f"ICC{m}": f"icc{m}_1" for m in (1, 2, 3)}, **{f"ICC{m}k": f"icc{m}_k" for m in (1, 2, 3)},
    "ICC(1,1)": "icc1_1", "ICC(A,1)": "icc2_1", "ICC(C,1)": "icc3_1",
    "ICC(1,k)": "icc1_k", "ICC(A,k)": "icc2_k", "ICC(C,k)": "icc3_k",
    **{f"icc{m}_{s}": f"icc{m}_{s}" for s in ("1", "k") for m in (1, 2, 3)},
}
_PINGOUIN_TYPES = {  # statistic code -> the row names pingouin has used for it
    "icc1_1": ("ICC(1,1)", "ICC1"), "icc2_1": ("ICC(A,1)", "ICC2"), "icc3_1": ("ICC(C,1)", "ICC3"),
    "icc1_k": ("ICC(1,k)", "ICC1k"), "icc2_k": ("ICC(A,k)", "ICC2k"), "icc3_k": ("ICC(C,k)", "ICC3k"),
}


# -- statistics on a cases × raters float array (NaN = missing) ---------------------------------------
def kappa_on(x, stat: str = "kappa", labels=None, numeric: bool = True) -> AgreementResult:
    import numpy as np
    from sklearn.metrics import cohen_kappa_score

    n = x.shape[0]
    if x.shape[1] != 2:
        return _nan(stat, 0, n, "analysis.problem.needs_two_raters", raters=x.shape[1])
    ok = ~np.isnan(x).any(axis=1)
    used = int(ok.sum())
    if STATISTICS[stat][2] and not numeric:
        return _nan(stat, used, n - used, "analysis.problem.not_numeric")
    if used == 0:
        return _nan(stat, 0, n, "analysis.problem.too_few", needed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(x[ok, 0], x[ok, 1], weights=KAPPA_WEIGHTS[stat], labels=labels)
    return _result(stat, value, used, n - used)


def fleiss_on(x) -> AgreementResult:
    import numpy as np
    from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa as sm_fleiss

    n = x.shape[0]
    complete = x[~np.isnan(x).any(axis=1)]
    used = complete.shape[0]
    if x.shape[1] < 2:
        return _nan("fleiss_kappa", used, n - used, "analysis.problem.needs_raters", raters=x.shape[1])
    if used == 0:
        return _nan("fleiss_kappa", 0, n, "analysis.problem.too_few", needed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = sm_fleiss(aggregate_raters(complete)[0])
    return _result("fleiss_kappa", value, used, n - used)


def value_counts(x):
    """Units × values counts and the sorted values: ``krippendorff.alpha``'s own ``value_counts`` input."""
    import numpy as np

    ok = ~np.isnan(x)
    domain = np.unique(x[ok])
    rows = np.nonzero(ok)[0]
    cells = rows * len(domain) + np.searchsorted(domain, x[ok])
    counts = np.bincount(cells, minlength=x.shape[0] * len(domain)).reshape(x.shape[0], len(domain))
    return counts, domain


def alpha_on(x, levels: Sequence[str] = ("nominal", "ordinal", "interval"), numeric: bool = True
             ) -> dict[str, AgreementResult]:
    import krippendorff
    import numpy as np

    counts, domain = value_counts(x)
    n = x.shape[0]
    used = int((counts.sum(axis=1) >= 2).sum())
    out = {}
    for level in levels:
        stat = f"alpha_{level}"
        if STATISTICS[stat][2] and not numeric:
            out[stat] = _nan(stat, used, n - used, "analysis.problem.not_numeric")
        elif used == 0:
            out[stat] = _nan(stat, 0, n, "analysis.problem.too_few", needed=1)
        elif len(domain) < 2:
            out[stat] = _nan(stat, used, n - used, "analysis.problem.one_value")
        else:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                value = krippendorff.alpha(value_counts=counts, value_domain=domain, level_of_measurement=level)
            out[stat] = _result(stat, value, used, n - used)
    return out


def icc_on(x, stats: Sequence[str] = ("icc2_1", "icc3_k"), numeric: bool = True) -> dict[str, AgreementResult]:
    import numpy as np
    import pandas as pd
    import pingouin

    n, k = x.shape
    complete = x[~np.isnan(x).any(axis=1)]
    used = complete.shape[0]
    problem, params = None, {}
    if not numeric:
        problem = "analysis.problem.not_numeric"
    elif k < 2:
        problem, params = "analysis.problem.needs_raters", {"raters": k}
    elif used < 2 or used * k < 5:  # pingouin's ANOVA needs at least 5 values
        problem, params = "analysis.problem.too_few", {"needed": max(2, -(-5 // k))}
    if problem:
        return {s: _nan(s, used, n - used, problem, **params) for s in stats}
    long = pd.DataFrame({"case": np.repeat(np.arange(used), k), "rater": np.tile(np.arange(k), used),
                         "value": complete.ravel()})
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        table = pingouin.intraclass_corr(data=long, targets="case", raters="rater", ratings="value")
    found = dict(zip(table["Type"], table["ICC"]))
    return {s: _result(s, next(found[t] for t in _PINGOUIN_TYPES[s] if t in found), used, n - used) for s in stats}


# -- the public functions -------------------------------------------------------------------------------
def _column(values):
    from .ratings import as_values
    import pandas as pd

    return as_values(pd.Series(list(values) if not hasattr(values, "dtype") else values))


def cohen_kappa(a, b, weights: str | None = None, *, labels: Sequence | None = None) -> AgreementResult:
    """Cohen's kappa of two raters' answers (sequences of equal length; None/NaN = missing, pair dropped).

    ``weights``: None, ``"linear"`` or ``"quadratic"``. Weighted kappa treats ``labels`` (default: the
    values seen) as equally spaced steps; pass the scale's levels to count unused levels too.
    """
    import numpy as np
    import pandas as pd

    stat = {None: "kappa", "linear": "kappa_linear", "quadratic": "kappa_quadratic"}.get(weights)
    if stat is None:
        raise InvalidData("errors.analysis_bad_weights", weights=weights)
    if len(a) != len(b):
        raise InvalidData("errors.analysis_lengths_differ", first=len(a), second=len(b))
    both = pd.concat([pd.Series(list(a)), pd.Series(list(b))], ignore_index=True)
    values = _column(both)
    x, numeric = values.array.reshape(2, -1).T, values.numeric
    if labels is not None and values.labels is not None:  # text answers: the labels give their order
        labels = list(labels)
        position = {v: i for i, v in enumerate(labels)}
        unknown = [str(v) for v in values.labels if v not in position]
        if unknown:
            raise InvalidData("errors.analysis_unknown_level", values=", ".join(unknown))
        remap = np.array([position[v] for v in values.labels], dtype=float)
        x = np.where(np.isnan(x), np.nan, remap[np.nan_to_num(x).astype(int)])
        labels, numeric = list(range(len(labels))), True
    return kappa_on(x, stat, labels=labels, numeric=numeric)


def fleiss_kappa(ratings, *, counts: bool = False) -> AgreementResult:
    """Fleiss' kappa of a cases × raters matrix (NaN = missing; such cases are dropped, listwise).

    With ``counts=True`` the input is statsmodels' cases × categories table of counts; rows whose total
    is below the largest total (not every rater answered) are dropped.
    """
    import numpy as np
    from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

    if not counts:
        values = _column(np.asarray(ratings, dtype=object).ravel())
        return fleiss_on(values.array.reshape(np.shape(ratings)))
    table = np.asarray(ratings)
    totals = table.sum(axis=1)
    keep = totals == totals.max(initial=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = sm_fleiss(table[keep]) if keep.any() else float("nan")
    return _result("fleiss_kappa", value, keep.sum(), (~keep).sum())


def krippendorff_alpha(reliability_data, level: str = "nominal") -> AgreementResult:
    """Krippendorff's alpha of a raters × units matrix (the ``krippendorff`` package's orientation).

    ``level``: ``"nominal"``, ``"ordinal"`` or ``"interval"``. NaN/None are missing answers; units with
    fewer than two answers are reported as dropped.
    """
    import numpy as np

    if level not in ("nominal", "ordinal", "interval"):
        raise InvalidData("errors.analysis_bad_level", level=level)
    data = np.asarray(reliability_data, dtype=object)
    values = _column(data.ravel())
    return alpha_on(values.array.reshape(data.shape).T, (level,), numeric=values.numeric)[f"alpha_{level}"]


def icc(data, kind: str = "ICC2", *, targets: str = "case_id", raters: str = "rater",
        ratings: str = "value") -> AgreementResult:
    """Intraclass correlation; ``kind`` e.g. ``"ICC2"`` (= ICC(2,1), ICC(A,1)) or ``"ICC3k"`` (= ICC(3,k)).

    ``data`` is a long frame with ``targets``/``raters``/``ratings`` columns, or a cases × raters matrix.
    Cases where a rater did not answer are dropped (listwise).
    """
    import numpy as np
    import pandas as pd

    stat = ICC_KINDS.get(kind)
    if stat is None:
        raise InvalidData("errors.analysis_bad_icc_kind", kind=kind, choices="ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k")
    if isinstance(data, pd.DataFrame) and {targets, raters, ratings} <= set(data.columns):
        twice = data[data.duplicated([targets, raters])]
        if len(twice):
            example = f"{targets}={twice[targets].iloc[0]}, {raters}={twice[raters].iloc[0]}"
            raise InvalidData("errors.analysis_duplicate_ratings", count=len(twice), example=example)
        data = data.pivot(index=targets, columns=raters, values=ratings)
    matrix = np.asarray(data, dtype=object)
    values = _column(matrix.ravel())
    return icc_on(values.array.reshape(matrix.shape), (stat,), numeric=values.numeric)[stat]

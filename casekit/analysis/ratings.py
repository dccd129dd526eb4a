"""Ratings as a tidy long frame, reshaped once into one cases × raters block per item or domain.

The input has one row per answer: ``case_id``, ``rater``, ``item``, ``value`` (optional ``domain``,
``perspective``, ``assessment_id``, ``date`` are allowed and ignored here). A missing answer is a row whose
value is NaN/None; a case that has no row for an item simply is not a unit of that item.

:func:`rating_blocks` factorises the keys once and scatters all values into one ``units × raters`` float
array with numpy (no per-item pivots, no per-case Python loops). Units are (item, case) pairs sorted by
domain, item and case, so the rows of one item — and of one domain — are a contiguous slice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from ..errors import InvalidData

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

KEYS = ("case_id", "rater", "item")
REQUIRED = (*KEYS, "value")
GROUPINGS = ("item", "domain")


def require_columns(frame: "pd.DataFrame", columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in getattr(frame, "columns", ())]
    if missing:
        raise InvalidData("errors.analysis_missing_columns", columns=", ".join(missing))


@dataclass(frozen=True)
class Values:
    """Answers as floats (NaN = missing). ``labels`` is set when the floats are codes of text values."""

    array: "np.ndarray"
    numeric: bool
    labels: tuple | None = None


def as_values(series: "pd.Series") -> Values:
    """Numbers stay numbers; ordered categories become their ranks; other text becomes nominal codes."""
    import numpy as np
    import pandas as pd

    if isinstance(series.dtype, pd.CategoricalDtype):
        cats = series.cat.categories
        if pd.api.types.is_numeric_dtype(cats.dtype):
            return Values(series.astype(float).to_numpy(), True)
        codes = series.cat.codes.to_numpy().astype(float)
        codes[codes < 0] = np.nan
        return Values(codes, bool(series.cat.ordered), tuple(cats))
    if pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_numeric_dtype(series.dtype):
        return Values(series.to_numpy(dtype=float, na_value=np.nan), True)
    try:
        return Values(pd.to_numeric(series, errors="raise").to_numpy(dtype=float, na_value=np.nan), True)
    except (ValueError, TypeError):
        codes, labels = pd.factorize(series, sort=True)
        out = codes.astype(float)
        out[codes < 0] = np.nan
        return Values(out, False, tuple(labels))


@dataclass(frozen=True)
class RatingBlocks:
    """All answers in one ``units × raters`` array; group ``g`` is rows ``starts[g]:starts[g + 1]``."""

    values: "np.ndarray"
    raters: tuple
    groups: tuple
    starts: "np.ndarray"
    present: "np.ndarray"  # (groups, raters): the rater has a row (answered or not) in the group
    domains: tuple | None  # the domain of each group when grouped by item and a domain column exists
    items: tuple  # the items of each group (one item when grouped by item)
    numeric: bool

    def block(self, g: int, raters: Sequence[int] | None = None) -> "np.ndarray":
        """Units × raters of group ``g``: the given rater columns, else the raters present in the group."""
        import numpy as np

        cols = np.flatnonzero(self.present[g]) if raters is None else np.asarray(raters, dtype=int)
        return self.values[self.starts[g]:self.starts[g + 1]][:, cols]

    def rater_positions(self, raters: Sequence[Any]) -> list[int]:
        index = {r: i for i, r in enumerate(self.raters)}
        unknown = [str(r) for r in raters if r not in index]
        if unknown:
            raise InvalidData("errors.analysis_unknown_rater", raters=", ".join(unknown))
        return [index[r] for r in raters]


def _codes(series: "pd.Series", what: str):
    import pandas as pd

    codes, uniques = pd.factorize(series, sort=True)
    if (codes < 0).any():
        raise InvalidData("errors.analysis_missing_keys", column=what, count=int((codes < 0).sum()))
    return codes, uniques


def rating_blocks(frame: "pd.DataFrame", by: str = "item") -> RatingBlocks:
    """Reshape the long frame once; raises :class:`InvalidData` on missing columns or duplicate answers."""
    import numpy as np
    import pandas as pd

    if by not in GROUPINGS:
        raise InvalidData("errors.analysis_bad_grouping", by=by, choices=", ".join(GROUPINGS))
    require_columns(frame, REQUIRED + (("domain",) if by == "domain" else ()))
    item_codes, items = _codes(frame["item"], "item")
    case_codes, cases = _codes(frame["case_id"], "case_id")
    rater_codes, raters = _codes(frame["rater"], "rater")
    n_items, n_cases, n_raters = len(items), len(cases), len(raters)

    item_domain, domains = None, None
    if "domain" in frame.columns:
        dom_codes, domains = pd.factorize(frame["domain"], sort=True, use_na_sentinel=False)
        pairs = np.unique(item_codes.astype(np.int64) * len(domains) + dom_codes)
        if len(pairs) != n_items:
            twice = items[np.flatnonzero(np.bincount(pairs // len(domains), minlength=n_items) > 1)]
            raise InvalidData("errors.analysis_item_in_two_domains", items=", ".join(map(str, twice[:5])))
        item_domain = np.empty(n_items, dtype=np.int64)
        item_domain[pairs // len(domains)] = pairs % len(domains)
        order = np.lexsort((np.arange(n_items), item_domain))  # by domain, then item
        rank = np.empty(n_items, dtype=np.int64)
        rank[order] = np.arange(n_items)
        item_codes, items, item_domain = rank[item_codes], items[order], item_domain[order]

    unit_key = item_codes.astype(np.int64) * n_cases + case_codes
    unit_codes, unit_keys = pd.factorize(unit_key, sort=True)
    n_units = len(unit_keys)
    flat = unit_codes.astype(np.int64) * n_raters + rater_codes
    per_cell = np.bincount(flat, minlength=n_units * n_raters)
    if per_cell.max(initial=0) > 1:
        first = int(np.flatnonzero(per_cell > 1)[0])
        key = unit_keys[first // n_raters]
        example = f"case_id={cases[key % n_cases]}, rater={raters[first % n_raters]}, item={items[key // n_cases]}"
        raise InvalidData("errors.analysis_duplicate_ratings", count=int((per_cell > 1).sum()), example=example)

    values = as_values(frame["value"])
    cube = np.full(n_units * n_raters, np.nan)
    cube[flat] = values.array
    unit_item = unit_keys // n_cases
    item_starts = np.searchsorted(unit_item, np.arange(n_items + 1))
    item_present = np.zeros((n_items, n_raters), dtype=bool)
    item_present[item_codes, rater_codes] = True

    items_t = tuple(items)
    domains_t = None if item_domain is None else tuple(domains[item_domain])
    if by == "item":
        return RatingBlocks(cube.reshape(n_units, n_raters), tuple(raters), items_t, item_starts, item_present,
                            domains_t, tuple((i,) for i in items_t), values.numeric)
    group_of_item = item_domain
    first_item = np.searchsorted(group_of_item, np.arange(len(domains) + 1))
    used = np.flatnonzero(np.diff(first_item) > 0)  # domains that hold items
    starts = np.append(item_starts[first_item[used]], item_starts[-1])
    present = np.logical_or.reduceat(item_present, first_item[used], axis=0)
    groups = tuple(domains[used])
    members = tuple(tuple(items[first_item[d]:first_item[d + 1]]) for d in used)
    return RatingBlocks(cube.reshape(n_units, n_raters), tuple(raters), groups, starts, present, None, members,
                        values.numeric)

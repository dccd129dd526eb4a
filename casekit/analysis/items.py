"""Item statistics for piloting an instrument: distribution, missing answers, floor and ceiling effects.

``item_statistics(ratings)`` gives one row per item (every rater's answers together):

- ``item`` (and ``domain`` when the frame has one), ``n_rows`` (answers plus missing answers),
  ``n_missing``, ``share_missing``, ``n_answered``;
- ``count_<level>``: answers per level — the ``levels`` given (one sequence, or one per item), else the
  values seen; with ``levels``, ``n_out_of_levels`` counts answers that are not a level of the scale;
- ``floor_level``/``ceiling_level``: the scale's lowest and highest level (the values seen when no
  ``levels`` are given); ``share_floor``/``share_ceiling``: the share of answers at them;
  ``floor_effect``/``ceiling_effect``: that share is above ``threshold`` (default 15 %). Text answers
  have no order: pass ``levels`` (or use an ordered categorical) to get floor and ceiling;
- ``mean``, ``median``: of the answered values (numeric answers only).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from ..errors import InvalidData
from .ratings import require_columns

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

FLOOR_CEILING_THRESHOLD = 0.15


def _level_name(level) -> str:
    if isinstance(level, float) and level.is_integer():
        level = int(level)
    return f"count_{level}"


def item_statistics(ratings: "pd.DataFrame", levels: Sequence | Mapping | None = None,
                    threshold: float = FLOOR_CEILING_THRESHOLD) -> "pd.DataFrame":
    """One row per item: distribution, share missing, floor/ceiling effects, mean and median."""
    import numpy as np
    import pandas as pd

    require_columns(ratings, ("item", "value"))
    if not 0 <= threshold <= 1:
        raise InvalidData("errors.analysis_bad_threshold", threshold=threshold)
    frame = ratings[["item", "value"] + (["domain"] if "domain" in ratings.columns else [])]
    answered = frame[frame["value"].notna()]
    dtype = answered["value"].dtype
    if levels is None and isinstance(dtype, pd.CategoricalDtype):
        levels = list(dtype.categories)  # the categories are the scale, in their order
    numeric = pd.api.types.is_numeric_dtype(dtype) and not isinstance(dtype, pd.CategoricalDtype)
    ordered = numeric or levels is not None
    groups = answered.groupby("item", sort=True)["value"]
    counts = groups.value_counts().unstack(fill_value=0)
    items = sorted(frame["item"].dropna().unique(), key=lambda v: (str(type(v)), v))
    counts = counts.reindex(index=items, fill_value=0)
    n_rows = frame.groupby("item").size().reindex(items, fill_value=0)
    n_answered = counts.sum(axis=1)

    def scale(item) -> list:
        chosen = levels.get(item) if isinstance(levels, Mapping) else levels
        if chosen is not None:
            return list(chosen)
        return [v for v in counts.columns if counts.at[item, v] > 0]

    all_levels = list(dict.fromkeys(v for item in items for v in scale(item)))
    if numeric or all(isinstance(v, (int, float)) for v in all_levels):
        all_levels = sorted(all_levels)
    domains = frame.groupby("item")["domain"].first() if "domain" in frame.columns else None
    rows = []
    for item in items:
        own = scale(item)
        at = {v: int(counts.at[item, v]) if v in counts.columns else 0 for v in own}
        n = int(n_answered[item])
        row = {"item": item}
        if domains is not None:
            row["domain"] = domains.get(item)
        row.update(n_rows=int(n_rows[item]), n_missing=int(n_rows[item]) - n,
                   share_missing=(int(n_rows[item]) - n) / n_rows[item] if n_rows[item] else np.nan,
                   n_answered=n)
        row.update({_level_name(v): at.get(v, 0) for v in all_levels})
        if levels is not None:
            row["n_out_of_levels"] = n - sum(at.values())
        floor, ceiling = (own[0], own[-1]) if own and ordered else (None, None)
        row.update(floor_level=floor, ceiling_level=ceiling,
                   share_floor=at.get(floor, 0) / n if n and ordered else np.nan,
                   share_ceiling=at.get(ceiling, 0) / n if n and ordered else np.nan)
        row.update(floor_effect=bool(n and ordered and row["share_floor"] > threshold),
                   ceiling_effect=bool(n and ordered and row["share_ceiling"] > threshold))
        rows.append(row)
    base = ["item"] + (["domain"] if "domain" in frame.columns else []) + [
        "n_rows", "n_missing", "share_missing", "n_answered", *map(_level_name, all_levels),
        *(["n_out_of_levels"] if levels is not None else []), "floor_level", "ceiling_level", "share_floor",
        "share_ceiling", "floor_effect", "ceiling_effect"]
    table = pd.DataFrame(rows, columns=base)
    if numeric and len(table):
        table["mean"] = groups.mean().reindex(items).to_numpy()
        table["median"] = groups.median().reindex(items).to_numpy()
    else:
        table["mean"] = table["median"] = np.nan
    return table

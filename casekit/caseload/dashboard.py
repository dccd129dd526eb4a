"""The caseload dashboard: per case and per worker, with alerts, on a given day.

Definitions (``as_of`` is the day the dashboard describes; the records are taken as stored – casekit keeps the
current state of a case, not its state on every past day – and dated events after ``as_of`` do not count):

open
    opened on or before ``as_of`` and not closed by then. Only open cases count towards a worker's load and
    raise alerts; closed cases are listed too (``open`` is False).
phase_since, days_in_phase
    the day of the last phase change (the opening day when there is none) and the days since.
last_contact, days_since_contact
    **contact** is any dated event of the record that needs the case manager and the client or their
    network together: the opening of the case, a phase change, a case conference or a review. The last
    contact is the latest of them on or before ``as_of``. (Telephone calls and home visits are not recorded
    in casekit; a team that wants them counted records a review.)
next_review, review_due_source, review_overdue
    the review date set at the latest conference ("planned"), unless a review has been held after that
    conference; then, and when no review was planned, the routine review falls due
    ``Thresholds.review_interval_days`` after the later of the last review and the last conference
    ("routine"). No next review before the first conference or review. Overdue: due before ``as_of``.
open_actions, overdue_actions
    actions planned, in progress or blocked; overdue when their due date is before ``as_of``.
unmet_needs, high_unmet_needs
    needs any perspective rates unmet (``Need.is_unmet``), all and of high priority.
gas_previous, gas_last, gas_trend
    GAS T-scores (:func:`casekit.gas.gas_tscore`) of the last two reviews with scores, on or before
    ``as_of``; the trend is "up" or "down" when they differ by more than ``Thresholds.gas_flat_band``
    T points, else "flat"; missing with fewer than two scored reviews.

Alerts (open cases only; see :class:`~casekit.caseload.alerts.Alert`): review_overdue, action_overdue (one
per action), no_contact (``days_since_contact >= Thresholds.no_contact_days``) and phase_stalled
(``days_in_phase >=`` the phase's threshold).

Workers: one row per case manager. ``load`` is the open caseload as a share of a full caseload under the
team models' norms, Σ 1/norm over the open cases (10 open cases of an assertive community team = 1.0, so are
20 individual ones); ``team_model`` is the model of most of the worker's open cases and ``norm`` its norm;
``over_norm`` when ``load > Thresholds.over_norm_ratio``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date
from typing import TYPE_CHECKING, Iterable

from ..vocab import Phase, TeamModel
from .alerts import Alert, AlertKind, alert_table, alerts_of
from .thresholds import Thresholds

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

CASES = {
    "case_id": "str", "display_name": "str", "worker": "str", "team_model": "str", "phase": "str", "open": "bool",
    "target_group": "str", "municipality": "str", "opened": "date", "closed": "date", "phase_since": "date",
    "days_in_phase": "int", "last_contact": "date", "days_since_contact": "int", "last_conference": "date",
    "last_review": "date", "next_review": "date", "review_due_source": "str", "review_overdue": "bool",
    "open_actions": "int", "overdue_actions": "int", "unmet_needs": "int", "high_unmet_needs": "int",
    "gas_previous": "float", "gas_last": "float", "gas_trend": "str", "alerts": "int",
}
WORKERS = {
    "worker": "str", "team_model": "str", "norm": "int", "open_cases": "int", "closed_cases": "int",
    "load": "float", "over_norm": "bool", "unmet_needs": "int", "open_actions": "int", "overdue_actions": "int",
    "reviews_overdue": "int", "no_contact": "int", "phase_stalled": "int", "gas_up": "int", "gas_down": "int",
    "alerts": "int",
}
_MODEL_ORDER = {m.value: n for n, m in enumerate(TeamModel)}


@dataclass(frozen=True)
class Caseload:
    """The dashboard on ``as_of``: ``cases`` (one row per case), ``workers`` (one row per worker), ``alerts``.

    ``alert_table`` holds the alerts as a frame (kind, case_id, worker, detail, since, days, client, ref);
    ``alerts`` gives them as :class:`~casekit.caseload.alerts.Alert` objects, made on first use.
    """

    as_of: date
    thresholds: Thresholds
    cases: "pd.DataFrame" = field(repr=False)
    workers: "pd.DataFrame" = field(repr=False)
    alert_table: "pd.DataFrame" = field(repr=False)

    @cached_property
    def alerts(self) -> list[Alert]:
        return alerts_of(self.alert_table)

    def filter(self, *, worker=None, phase=None, alert=None) -> "Caseload":
        """The cases of some workers, in some phases, or with some kind of alert (each: one value or a list).

        The worker rows keep their whole caseload (a worker's load does not shrink with a filter); only the
        workers of the remaining cases are listed. ``alert`` also narrows the alerts to those kinds.
        """
        cases, table = self.cases, self.alert_table
        if worker is not None:
            cases = cases[cases["worker"].isin(_many(worker))]
        if phase is not None:
            cases = cases[cases["phase"].isin([Phase(p).value for p in _many(phase)])]
        if alert is not None:
            kinds = [AlertKind(k).value for k in _many(alert)]
            table = table[table["kind"].isin(kinds)]
            cases = cases[cases["case_id"].isin(set(table["case_id"]))]
        table = table[table["case_id"].isin(set(cases["case_id"]))]
        workers = self.workers[self.workers["worker"].isin(set(cases["worker"]))]
        return replace(self, cases=cases.reset_index(drop=True), workers=workers.reset_index(drop=True),
                       alert_table=table.reset_index(drop=True))

    def alerts_frame(self, lang: str | None = None) -> "pd.DataFrame":
        """The alerts as a frame, with the message in ``lang``."""
        frame = self.alert_table.copy()
        frame["message"] = [a.message(lang) for a in self.alerts]
        return frame

    def to_text(self, lang: str | None = None) -> str:
        """The worker table and the alerts as plain text (what ``casekit caseload`` prints)."""
        from .text import to_text

        return to_text(self, lang)

    def __len__(self) -> int:
        return len(self.cases)


def _many(value) -> list:
    return list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]


# -- from the raw facts to the dashboard --------------------------------------------------------------------
def build(raw: "pd.DataFrame", overdue: "pd.DataFrame", as_of: date, thresholds: Thresholds) -> Caseload:
    import numpy as np
    import pandas as pd

    from .sources import typed

    day = pd.Timestamp(as_of)
    df = raw.sort_values("case_id", kind="stable").reset_index(drop=True)
    opened, closed = df["opened"], df["closed"]
    is_open = (opened <= day) & (closed.isna() | (closed > day))
    df["open"] = is_open
    df["days_in_phase"] = (day - df["phase_since"]).dt.days
    contact = pd.concat([opened.where(opened <= day), df["last_event"]], axis=1).max(axis=1)
    df["last_contact"] = contact
    df["days_since_contact"] = (day - contact).dt.days

    held = df["last_review"].notna() & (df["last_conference"].isna() | (df["last_review"] > df["last_conference"]))
    pending = df["planned_review"].notna() & ~held
    base = df[["last_review", "last_conference"]].max(axis=1)
    routine = base + pd.Timedelta(days=thresholds.review_interval_days)
    next_review = df["planned_review"].where(pending, routine).where(is_open)
    source = pd.Series(np.where(pending, "planned", np.where(base.notna(), "routine", None)), dtype=object)
    df["next_review"] = next_review
    df["review_due_source"] = source.where(is_open & next_review.notna(), None)
    df["review_overdue"] = (is_open & next_review.notna() & (next_review < day)).astype(bool)

    change = df["gas_last"].astype(float) - df["gas_previous"].astype(float)
    band = thresholds.gas_flat_band
    trend = np.where(change > band, "up", np.where(change < -band, "down", "flat"))
    df["gas_trend"] = pd.Series(trend, dtype=object).where(change.notna(), None)

    flags = _flags(df, overdue, thresholds)
    df["alerts"] = flags["review"].astype(int) + flags["quiet"].astype(int) + flags["stalled"].astype(int) \
        + df["case_id"].astype(object).map(flags["late_counts"]).fillna(0).astype(int)
    table = alert_table(df, flags, day)
    cases = typed(df, CASES)
    workers = _workers(cases, flags, thresholds)
    return Caseload(as_of=as_of, thresholds=thresholds, cases=cases, workers=workers, alert_table=table)


def _flags(df: "pd.DataFrame", overdue: "pd.DataFrame", thresholds: Thresholds) -> dict:
    """Which open cases raise which alert (boolean Series aligned with ``df``) and their overdue actions."""
    import pandas as pd

    is_open = df["open"].astype(bool)
    quiet = is_open & df["last_contact"].notna() & (df["days_since_contact"] >= thresholds.no_contact_days)
    limits = pd.to_numeric(df["phase"].astype(object).map(
        {p.value: d for p, d in thresholds.phase_stalled_days.items() if d is not None}))
    stalled = is_open & limits.notna() & (df["days_in_phase"] >= limits)
    late = overdue[overdue["case_id"].isin(set(df.loc[is_open, "case_id"].astype(object)))]
    return {"open": is_open, "review": is_open & df["review_overdue"].astype(bool), "quiet": quiet.astype(bool),
            "stalled": stalled.astype(bool), "late": late,
            "late_counts": late["case_id"].astype(object).value_counts()}


def _workers(cases: "pd.DataFrame", flags: dict, thresholds: Thresholds) -> "pd.DataFrame":
    import pandas as pd

    from .sources import typed

    if not len(cases):
        return typed(pd.DataFrame(columns=list(WORKERS)), WORKERS)
    is_open = flags["open"].to_numpy()
    worker = cases["worker"].astype(object)
    model = cases["team_model"].astype(object)
    order = sorted(set(model), key=lambda m: _MODEL_ORDER.get(m, 99))
    pairs = pd.DataFrame({"worker": worker, "model": model})
    every = pairs.value_counts().unstack(fill_value=0).reindex(columns=order, fill_value=0)
    live = pairs[is_open].value_counts().unstack(fill_value=0).reindex(columns=order, fill_value=0) \
        if is_open.any() else every.iloc[:0]
    counts = live.reindex(every.index, fill_value=0)
    idle = counts.sum(axis=1) == 0
    counts.loc[idle] = every.loc[idle]  # no open case: the model of all their cases
    dominant = counts.idxmax(axis=1)  # ties: the first in TeamModel order
    weight = model.map({m.value: 1 / thresholds.norm(m) for m in TeamModel}).where(is_open, 0.0)
    late_counts = flags["late_counts"]

    def per_worker(values) -> "pd.Series":
        return pd.Series(values, index=cases.index).groupby(worker).sum()

    frame = pd.DataFrame({
        "team_model": dominant,
        "open_cases": per_worker(is_open.astype(int)),
        "closed_cases": per_worker((~is_open).astype(int)),
        "load": per_worker(weight.to_numpy(dtype=float)),
        "unmet_needs": per_worker(cases["unmet_needs"].fillna(0).astype(int).where(is_open, 0)),
        "open_actions": per_worker(cases["open_actions"].fillna(0).astype(int).where(is_open, 0)),
        "overdue_actions": per_worker(cases["case_id"].astype(object).map(late_counts).fillna(0).astype(int)),
        "reviews_overdue": per_worker(flags["review"].astype(int)),
        "no_contact": per_worker(flags["quiet"].astype(int)),
        "phase_stalled": per_worker(flags["stalled"].astype(int)),
        "gas_up": per_worker(((cases["gas_trend"] == "up").fillna(False) & is_open).astype(int)),
        "gas_down": per_worker(((cases["gas_trend"] == "down").fillna(False) & is_open).astype(int)),
        "alerts": per_worker(cases["alerts"].fillna(0).astype(int)),
    })
    frame["norm"] = frame["team_model"].map(thresholds.norm)
    frame["over_norm"] = frame["load"] > thresholds.over_norm_ratio
    frame = frame.rename_axis("worker").reset_index()
    names = frame["worker"].tolist()
    frame = frame.iloc[sorted(range(len(names)), key=names.__getitem__)]  # Python's order, on every backend
    return typed(frame, WORKERS)


# -- the entry point ----------------------------------------------------------------------------------------
def caseload(store_or_cases, *, as_of: date | None = None, thresholds: Thresholds | dict | None = None,
             method: str = "auto") -> Caseload:
    """The caseload dashboard of a store or of cases in memory, on ``as_of`` (default: today).

    ``store_or_cases``: a :class:`~casekit.store.Store` (read with SQL over its projection tables and case
    documents) or an iterable of :class:`~casekit.model.Case` (pure Python). ``method="python"`` reads a
    store's cases into memory instead of using SQL (both give the same frames). ``thresholds``: a
    :class:`Thresholds` or a dict of its fields.
    """
    from .sources import raw_from_cases, raw_from_store

    as_of = as_of or date.today()
    if not isinstance(thresholds, Thresholds):
        thresholds = Thresholds.model_validate(thresholds or {})
    if method not in ("auto", "sql", "python"):
        raise ValueError(f"method must be 'auto', 'sql' or 'python', not {method!r}")
    if is_store(store_or_cases):
        if method == "python":
            raw, overdue = raw_from_cases(store_or_cases.cases(), as_of)
        else:
            raw, overdue = raw_from_store(store_or_cases, as_of)
    else:
        if method == "sql":
            raise ValueError("method='sql' needs a store")
        raw, overdue = raw_from_cases(case_list(store_or_cases), as_of)
    return build(raw, overdue, as_of, thresholds)


def is_store(obj) -> bool:
    """A casekit Store (anything with an engine and cases()), as opposed to Case objects."""
    return hasattr(obj, "engine") and hasattr(obj, "cases") and callable(obj.cases)


def case_list(items: Iterable) -> list:
    """The items as a list, refusing anything that is not a Case."""
    from ..model import Case

    items = list(items)
    for item in items:
        if not isinstance(item, Case):
            raise TypeError(f"expected a Store or Case objects, got {type(item).__name__}")
    return items

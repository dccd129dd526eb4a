"""The raw per-case facts of the caseload, from two places that must agree.

``raw_from_cases(cases, as_of)`` reads :class:`~casekit.model.Case` objects (pure Python; no database), and
``raw_from_store(store, as_of)`` asks the store's database in one SQL statement (SQLAlchemy Core, SQLite and
PostgreSQL): the projection tables for needs and actions, the case documents (JSON) for the phase history,
conferences, reviews and goals, which the projections do not hold (see :mod:`casekit.caseload.sqljson`).

Both return the same two frames (``RAW`` and ``OVERDUE`` columns), which :mod:`casekit.caseload.dashboard`
turns into the dashboard. Per case, with "on or before as_of" for dated events:

- phase_since: date of the last phase change (the opening date when there is none);
- last_event: the latest phase change, conference or review on or before as_of;
- last_review: the latest review on or before as_of;
- last_conference, planned_review: the latest conference and the review date it set (as casekit.frames);
- open_actions: actions planned, in progress or blocked; overdue_actions: those with a due date before as_of;
- unmet_needs, high_unmet_needs: needs any perspective rates unmet (of high priority);
- gas_previous, gas_last: GAS T-scores of the last two scored reviews on or before as_of (ties on a day: the
  later in the list counts as later).
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ..vocab import ActionStatus, Priority

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..model import Case

#: Action statuses that still need doing.
OPEN_ACTION = (ActionStatus.PLANNED.value, ActionStatus.IN_PROGRESS.value, ActionStatus.BLOCKED.value)
RHO = 0.3

RAW = {
    "case_id": "str", "display_name": "str", "worker": "str", "team_model": "str", "phase": "str",
    "target_group": "str", "municipality": "str", "opened": "date", "closed": "date",
    "last_conference": "date", "planned_review": "date", "phase_since": "date", "last_event": "date",
    "last_review": "date", "open_actions": "int", "overdue_actions": "int", "unmet_needs": "int",
    "high_unmet_needs": "int", "gas_previous": "float", "gas_last": "float",
}
OVERDUE = {"case_id": "str", "action_id": "str", "what": "str", "due": "date", "position": "int"}


def tscore_from_sums(swx, sw2, sw, rho: float = RHO):
    """The Kiresuk–Sherman T-score from Σwᵢxᵢ, Σwᵢ², Σwᵢ (the formula of :func:`casekit.gas.gas_tscore`)."""
    import numpy as np

    return 50 + 10 * swx / np.sqrt((1 - rho) * sw2 + rho * sw**2)


def is_open(opened: date, closed: date | None, as_of: date) -> bool:
    """Open on ``as_of``: opened on or before that day and not closed by then."""
    return opened <= as_of and (closed is None or closed > as_of)


# -- from cases in memory ---------------------------------------------------------------------------------
def _last_two_tscores(case: "Case", as_of: date) -> tuple[float | None, float | None]:
    from ..gas import gas_tscore

    weights = {g.id: g.weight for g in case.goals}
    scored = [
        (review.date, position, review) for position, review in enumerate(case.reviews)
        if review.date <= as_of and review.gas_scores
    ]
    scored.sort(key=lambda item: (item[0], item[1]))
    scores = [
        gas_tscore(list(r.gas_scores.values()), [weights[g] for g in r.gas_scores]) for _, _, r in scored[-2:]
    ]
    scores = [None] * (2 - len(scores)) + scores
    return scores[0], scores[1]


def _raw_row(case: "Case", as_of: date) -> tuple[dict, list[dict]]:
    from ..frames import action_rows, need_rows, summary_row

    summary = summary_row(case)
    dated = [c.date for c in case.phase_history] + [c.date for c in case.conferences] + [r.date for r in case.reviews]
    reviews = [r.date for r in case.reviews if r.date <= as_of]
    actions = action_rows(case)
    open_actions = [a for a in actions if a["status"] in OPEN_ACTION]
    overdue = [a for a in open_actions if a["due"] is not None and a["due"] < as_of]
    needs = [n for n in need_rows(case) if n["any_unmet"]]
    previous, last = _last_two_tscores(case, as_of)
    row = {
        "case_id": summary["case_id"], "display_name": summary["display_name"], "worker": summary["case_manager"],
        "team_model": summary["team_model"], "phase": summary["phase"], "target_group": summary["target_group"],
        "municipality": summary["municipality"], "opened": case.opened, "closed": case.closed,
        "last_conference": summary["last_conference"], "planned_review": summary["next_review"],
        "phase_since": case.phase_history[-1].date if case.phase_history else case.opened,
        "last_event": max((d for d in dated if d <= as_of), default=None),
        "last_review": max(reviews, default=None),
        "open_actions": len(open_actions), "overdue_actions": len(overdue), "unmet_needs": len(needs),
        "high_unmet_needs": sum(1 for n in needs if n["priority"] == Priority.HIGH.value),
        "gas_previous": previous, "gas_last": last,
    }
    late = [{"case_id": a["case_id"], "action_id": a["action_id"], "what": a["what"], "due": a["due"],
             "position": a["position"]} for a in overdue]
    return row, late


def raw_from_cases(cases: Iterable["Case"], as_of: date) -> tuple["pd.DataFrame", "pd.DataFrame"]:
    import pandas as pd

    rows, late = [], []
    for case in cases:
        row, overdue = _raw_row(case, as_of)
        rows.append(row)
        late.extend(overdue)
    return (typed(pd.DataFrame(rows, columns=list(RAW)), RAW, text_as_object=True),
            typed(pd.DataFrame(late, columns=list(OVERDUE)), OVERDUE, text_as_object=True))


# -- from the store, in SQL -------------------------------------------------------------------------------
def raw_query(bind, as_of: date):
    """One statement giving the ``RAW`` columns (GAS as the sums of the last two scored reviews)."""
    from sqlalchemy import and_, case as when, false, func, select

    from ..store.schema import case_actions, case_needs, case_summary
    from . import sqljson

    docs = sqljson.documents(bind)
    events = sqljson.case_events(bind, docs)
    event_days = (
        select(
            events.c.case_id,
            func.max(when((events.c.kind == "phase", events.c.day))).label("phase_since"),
            func.max(when((events.c.day <= as_of, events.c.day))).label("last_event"),
            func.max(when((and_(events.c.kind == "review", events.c.day <= as_of), events.c.day))).label("last_review"),
        ).group_by(events.c.case_id).subquery("event_days")
    )
    scores = sqljson.review_scores(bind, docs, until=as_of).subquery("scores")
    rank = func.row_number().over(partition_by=scores.c.case_id,
                                  order_by=(scores.c.day.desc(), scores.c.pos.desc())).label("rank")
    ranked = select(scores, rank).subquery("ranked")
    gas = (
        select(ranked.c.case_id, *[
            func.max(when((ranked.c.rank == n, ranked.c[part]))).label(f"{which}_{part}")
            for n, which in ((2, "prev"), (1, "last")) for part in ("swx", "sw2", "sw")
        ]).where(ranked.c.rank <= 2).group_by(ranked.c.case_id).subquery("gas")
    )
    is_open = case_actions.c.status.in_(OPEN_ACTION)
    acts = (
        select(case_actions.c.case_id,
               func.sum(when((is_open, 1), else_=0)).label("open_actions"),
               func.sum(when((and_(is_open, case_actions.c.due < as_of), 1), else_=0)).label("overdue_actions"))
        .group_by(case_actions.c.case_id).subquery("acts")
    )
    unmet = case_needs.c.any_unmet
    needs = (
        select(case_needs.c.case_id,
               func.sum(when((unmet, 1), else_=0)).label("unmet_needs"),
               func.sum(when((and_(unmet, case_needs.c.priority == Priority.HIGH.value), 1), else_=0))
               .label("high_unmet_needs"))
        .group_by(case_needs.c.case_id).subquery("needs")
    )
    s = case_summary.c
    js = sqljson.json_for(bind)
    day = js.fetch_date
    return (
        select(
            s.case_id, s.display_name, s.case_manager.label("worker"), s.team_model, s.phase, s.target_group,
            s.municipality, day(s.opened).label("opened"), day(s.closed).label("closed"),
            day(s.last_conference).label("last_conference"), day(s.next_review).label("planned_review"),
            day(func.coalesce(event_days.c.phase_since, s.opened)).label("phase_since"),
            day(event_days.c.last_event).label("last_event"), day(event_days.c.last_review).label("last_review"),
            func.coalesce(acts.c.open_actions, 0).label("open_actions"),
            func.coalesce(acts.c.overdue_actions, 0).label("overdue_actions"),
            func.coalesce(needs.c.unmet_needs, 0).label("unmet_needs"),
            func.coalesce(needs.c.high_unmet_needs, 0).label("high_unmet_needs"),
            *[gas.c[f"{which}_{part}"] for which in ("prev", "last") for part in ("swx", "sw2", "sw")],
        )
        .select_from(case_summary)
        .outerjoin(event_days, event_days.c.case_id == s.case_id)
        .outerjoin(gas, gas.c.case_id == s.case_id)
        .outerjoin(acts, acts.c.case_id == s.case_id)
        .outerjoin(needs, needs.c.case_id == s.case_id)
        .where(s.deleted == false())
    )


def overdue_query(bind, as_of: date):
    """The overdue actions (of every case: the dashboard keeps those of the cases open on ``as_of``)."""
    from sqlalchemy import select

    from ..store.schema import case_actions
    from . import sqljson

    a = case_actions.c
    return (  # the open cases are picked in pandas (the caseload knows them): no join needed here
        select(a.case_id, a.action_id, a.what, sqljson.json_for(bind).fetch_date(a.due).label("due"), a.position)
        .where(a.status.in_(OPEN_ACTION), a.due < as_of)
    )


def raw_from_store(store, as_of: date) -> tuple["pd.DataFrame", "pd.DataFrame"]:
    import pandas as pd

    with store.engine.connect() as conn:
        frame = frame_of(conn.execute(raw_query(conn, as_of)))
        late = frame_of(conn.execute(overdue_query(conn, as_of)))
    for which, label in (("prev", "gas_previous"), ("last", "gas_last")):
        sums = [pd.to_numeric(frame.pop(f"{which}_{part}"), errors="coerce").astype(float)
                for part in ("swx", "sw2", "sw")]
        frame[label] = tscore_from_sums(*sums) if len(frame) else pd.Series(dtype=float)
    return typed(frame, RAW, text_as_object=True), typed(late, OVERDUE, text_as_object=True)


def frame_of(result) -> "pd.DataFrame":
    """A frame of object columns from an SQLAlchemy result (faster than building it row by row)."""
    import pandas as pd

    keys = list(result.keys())
    rows = result.fetchall()
    columns = list(zip(*rows)) if rows else [()] * len(keys)
    return pd.DataFrame({k: pd.Series(list(c), dtype=object) for k, c in zip(keys, columns)})


# -- dtypes -----------------------------------------------------------------------------------------------
def typed(frame: "pd.DataFrame", columns: dict[str, str], *, text_as_object: bool = False) -> "pd.DataFrame":
    """The columns in order with fixed dtypes: string, datetime64[s], Int64, Float64, boolean (vectorised).

    ``text_as_object`` keeps text as Python strings (object dtype, None when missing): cheaper to compute with
    before the final frames are typed.
    """
    import pandas as pd

    n = len(frame)
    out = {}
    dtypes = _dtypes()
    for column, kind in columns.items():
        values = frame[column].reset_index(drop=True) if column in frame else pd.Series([None] * n, dtype=object)
        if kind == "date":
            out[column] = _dates(values)
            continue
        if values.dtype == object:
            values = values.where(values.notna(), None)
        if kind == "str":
            out[column] = values.astype(object) if text_as_object else values.astype(dtypes["str"])
        elif kind in ("int", "float"):
            numbers = values if values.dtype != object else pd.to_numeric(values, errors="coerce")
            out[column] = numbers.astype(dtypes[kind])
        elif kind == "bool":
            out[column] = values.astype(dtypes["bool"])
        else:  # pragma: no cover - a programming error
            raise ValueError(kind)
    return pd.DataFrame(out, index=pd.RangeIndex(n))


@lru_cache(maxsize=None)
def _dtypes() -> dict:
    import pandas as pd

    return {"str": pd.StringDtype(), "int": pd.Int64Dtype(), "float": pd.Float64Dtype(), "bool": pd.BooleanDtype()}


def _dates(values: "pd.Series") -> "pd.Series":
    """Dates (date objects, ISO strings, timestamps or missing) as datetime64[s]."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return values.astype("datetime64[s]")
    try:
        return pd.to_datetime(values.astype(object), format="ISO8601").astype("datetime64[s]")
    except (ValueError, OverflowError):  # a date pandas cannot hold in nanoseconds: the slow, safe way
        pass
    items = [None if v is None or v is pd.NaT or (isinstance(v, float) and v != v) else v
             for v in values.astype(object)]
    return pd.Series(np.array(items, dtype="datetime64[D]").astype("datetime64[s]"), dtype="datetime64[s]")

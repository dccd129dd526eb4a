"""Tidy data frames of cases for caseload analytics and research, with pandas.

Four frames, one row per case / need / actor / action, keyed by ``case_id`` and the item's id:

``cases``
    case_id, display_name, municipality, case_manager, team_model, phase, target_group, opened, closed,
    last_conference (date of the latest conference), next_review (the review date set at that conference),
    version, deleted.
``needs``
    one row per need (perspectives are kept apart, never merged): client_status and worker_status are the
    status given by the client's and the worker's rating (missing when that perspective did not rate),
    actor_ratings counts the ratings by actors of the network, any_unmet is true when *any* perspective
    rates the need unmet (as ``Need.is_unmet``), max_severity is the highest severity of all ratings,
    actor_count the number of actors linked to the need.
``actors``
    the support network: name, kind, sector, formal, area, relationship (ecomap line kind), flow,
    catalogue_id.
``actions``
    the plan: what, owner_id, due, status, need_id, goal_id, created.

The same frames come from two places and are equal: from cases in memory (``needs_frame(cases)``, no
database needed) and from a store's projection tables in SQL (``store.needs_frame()``), which the store
writes in the same transaction as every case save. Codes (phase, domain, status …) are the stable codes of
:mod:`casekit.vocab`, not translated labels. pandas is imported only when a frame is built.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .vocab import NeedStatus, Perspective

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Case

#: Column name → kind ("str", "date", "bool", "int") of each frame, in order.
COLUMNS: dict[str, dict[str, str]] = {
    "cases": {
        "case_id": "str", "display_name": "str", "municipality": "str", "case_manager": "str",
        "team_model": "str", "phase": "str", "target_group": "str", "opened": "date", "closed": "date",
        "last_conference": "date", "next_review": "date", "version": "int", "deleted": "bool",
    },
    "needs": {
        "case_id": "str", "need_id": "str", "domain": "str", "priority": "str", "client_status": "str",
        "worker_status": "str", "actor_ratings": "int", "any_unmet": "bool", "max_severity": "int",
        "actor_count": "int",
    },
    "actors": {
        "case_id": "str", "actor_id": "str", "name": "str", "kind": "str", "sector": "str", "formal": "bool",
        "area": "str", "relationship": "str", "flow": "str", "catalogue_id": "str",
    },
    "actions": {
        "case_id": "str", "action_id": "str", "what": "str", "owner_id": "str", "due": "date",
        "status": "str", "need_id": "str", "goal_id": "str", "created": "date",
    },
}
FRAMES = tuple(COLUMNS)
#: Frame name → projection table name in the store.
TABLES = {"cases": "case_summary", "needs": "case_needs", "actors": "case_actors", "actions": "case_actions"}


# -- projection rows (pure Python; the store writes exactly these) -------------------------------------
def _text(value: str | None) -> str | None:
    # PostgreSQL text cannot hold NUL; the JSON document keeps the original, the projection a visible mark.
    return value.replace("\x00", "\ufffd") if value else value


def _code(value) -> str | None:
    # ``_value_`` is what ``Enum.value`` returns, without the descriptor's cost (this runs for every row)
    return None if value is None else getattr(value, "_value_", value)


def summary_row(case: "Case", *, deleted: bool = False) -> dict:
    last = case.last_conference
    return {
        "case_id": case.id, "display_name": _text(case.client.display_name),
        "municipality": _text(case.client.municipality), "case_manager": _text(case.case_manager),
        "team_model": _code(case.team_model), "phase": _code(case.phase), "target_group": _text(case.target_group),
        "opened": case.opened, "closed": case.closed, "last_conference": last.date if last else None,
        "next_review": last.next_review if last else None, "version": case.version, "deleted": deleted,
    }


def need_rows(case: "Case") -> list[dict]:
    rows = []
    for position, need in enumerate(case.needs):
        by = {r.perspective: r for r in need.ratings if r.perspective != Perspective.ACTOR}
        severities = [r.severity for r in need.ratings if r.severity is not None]
        rows.append({
            "case_id": case.id, "need_id": need.id, "position": position, "domain": _code(need.domain),
            "priority": _code(need.priority),
            "client_status": _code(by[Perspective.CLIENT].status) if Perspective.CLIENT in by else None,
            "worker_status": _code(by[Perspective.WORKER].status) if Perspective.WORKER in by else None,
            "actor_ratings": sum(1 for r in need.ratings if r.perspective == Perspective.ACTOR),
            "any_unmet": any(r.status == NeedStatus.UNMET for r in need.ratings),
            "max_severity": max(severities, default=None), "actor_count": len(need.actor_ids),
        })
    return rows


def actor_rows(case: "Case") -> list[dict]:
    return [
        {
            "case_id": case.id, "actor_id": a.id, "position": position, "name": _text(a.name), "kind": _code(a.kind),
            "sector": _code(a.sector), "formal": a.formal, "area": _text(a.area),
            "relationship": _code(a.relationship.kind), "flow": _code(a.relationship.flow),
            "catalogue_id": a.catalogue_id,
        }
        for position, a in enumerate(case.actors)
    ]


def action_rows(case: "Case") -> list[dict]:
    return [
        {
            "case_id": case.id, "action_id": a.id, "position": position, "what": _text(a.what),
            "owner_id": a.owner_id, "due": a.due, "status": _code(a.status), "need_id": a.need_id,
            "goal_id": a.goal_id, "created": a.created,
        }
        for position, a in enumerate(case.actions)
    ]


def projection_rows(case: "Case", *, deleted: bool = False) -> dict[str, list[dict]]:
    """Rows of every projection table for one case, keyed by table name."""
    return {
        "case_summary": [summary_row(case, deleted=deleted)], "case_needs": need_rows(case),
        "case_actors": actor_rows(case), "case_actions": action_rows(case),
    }


_ROWS = {"cases": lambda c: [summary_row(c)], "needs": need_rows, "actors": actor_rows, "actions": action_rows}


# -- frames ----------------------------------------------------------------------------------------------
def _check_name(name: str) -> None:
    if name not in COLUMNS:
        raise ValueError(f"unknown frame {name!r}; one of {', '.join(FRAMES)}")


def typed(name: str, frame: "pd.DataFrame") -> "pd.DataFrame":
    """Give a frame its columns in order and fixed dtypes (string, datetime64, boolean, Int64)."""
    import pandas as pd

    columns = COLUMNS[name]
    out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    for column, kind in columns.items():
        values = frame[column] if column in frame else pd.Series([None] * len(frame), dtype=object)
        values = values.reset_index(drop=True)
        if kind == "str":
            out[column] = values.astype(object).where(values.notna(), None).astype("string")
        elif kind == "date":
            out[column] = _dates(values)
        elif kind == "bool":
            out[column] = values.astype(bool)
        else:
            out[column] = values.astype("Int64")
    return out


def _dates(values) -> "pd.Series":
    # second resolution: any date the model accepts fits (nanoseconds end in 2262)
    import numpy as np
    import pandas as pd

    days = [np.datetime64("NaT") if pd.isna(v) else np.datetime64(v, "D") for v in values]
    return pd.Series(np.array(days, dtype="datetime64[s]"), dtype="datetime64[s]")


def frame(name: str, cases: Iterable["Case"]) -> "pd.DataFrame":
    """The frame ``name`` ("cases", "needs", "actors", "actions") of cases held in memory."""
    import pandas as pd

    _check_name(name)
    rows = [row for case in sorted(cases, key=lambda c: c.id) for row in _ROWS[name](case)]
    return typed(name, pd.DataFrame(rows, columns=[*COLUMNS[name]]) if rows else pd.DataFrame())


def cases_frame(cases: Iterable["Case"]) -> "pd.DataFrame":
    return frame("cases", cases)


def needs_frame(cases: Iterable["Case"]) -> "pd.DataFrame":
    return frame("needs", cases)


def actors_frame(cases: Iterable["Case"]) -> "pd.DataFrame":
    return frame("actors", cases)


def actions_frame(cases: Iterable["Case"]) -> "pd.DataFrame":
    return frame("actions", cases)


def read_frame(bind, name: str, *, include_deleted: bool = False) -> "pd.DataFrame":
    """The frame ``name`` read with SQL from a store's projection tables (``bind``: engine or connection)."""
    import pandas as pd
    from sqlalchemy import false, select

    from .store import schema

    _check_name(name)
    table = schema.metadata.tables[TABLES[name]]
    summary = schema.case_summary
    columns = [table.c[c] for c in COLUMNS[name]]
    query = select(*columns)
    if table is not summary:
        query = query.join(summary, summary.c.case_id == table.c.case_id)
    if not include_deleted:
        query = query.where(summary.c.deleted == false())
    keys = ["case_id"] + (["position"] if "position" in table.c else [])
    query = query.add_columns(*[table.c[k] for k in keys if k not in COLUMNS[name]])
    data = pd.read_sql(query, bind)
    # sort in Python, not SQL: the database's collation may order ids differently from the in-memory frames
    data = data.sort_values(keys, kind="stable") if len(data) else data
    return typed(name, data)

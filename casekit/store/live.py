"""What a conference needs from the store to work live on several devices: the room state (``room_state``),
cheap version numbers of records, and a light list of cases (no documents parsed).

The room state is written without validating any case and without an audit entry: it is a few hundred bytes
saved at every Next and every start of the timer. A save names the fields it writes (all by default); the
others stay as stored, so two devices changing different fields at once both keep theirs (last writer wins
per field). ``revision`` goes up by one with every save; PostgreSQL then notifies ``casekit`` with
``room:<conference_id>:<revision>`` (migration 0004).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.engine import Connection

from .schema import case_summary, records, room_state

#: the kind of a room state in versions and notifications (records have theirs: case, supervision, assessment)
ROOM = "room"
#: the kinds a follower may follow
KINDS = ("case", "supervision", "assessment", ROOM)


def room_row(conn: Connection, conference_id: str):
    return conn.execute(select(room_state).where(room_state.c.conference_id == conference_id)).first()


def state_from_row(row) -> dict:
    """A stored row as the plain fields of a ``RoomState``."""
    updated_at = row.updated_at
    return {"conference_id": row.conference_id, "case_id": row.case_id, "step": row.step,
            "timer": json.loads(row.timer), "revealed": json.loads(row.revealed), "revision": row.revision,
            "updated_at": updated_at, "updated_by": row.updated_by}


def upsert_room(conn: Connection, values: dict, fields: Iterable[str]):
    """Insert the room state, or update the ``fields`` of the stored one (revision + 1); returns the row now
    stored. One statement (``INSERT … ON CONFLICT DO UPDATE … RETURNING``) on both backends."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(room_state).values(**values, revision=1)
    changes = {name: statement.excluded[name] for name in (*fields, "updated_at", "updated_by")}
    changes["revision"] = room_state.c.revision + 1
    statement = statement.on_conflict_do_update(index_elements=[room_state.c.conference_id], set_=changes)
    return conn.execute(statement.returning(*room_state.c)).one()


def versions(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int | None]:
    """The stored version of each ``(kind, id)`` (a room state's revision); None when missing or deleted. One
    query per kind."""
    wanted: dict[str, set[str]] = {}
    for kind, record_id in keys:
        wanted.setdefault(kind, set()).add(record_id)
    found: dict[tuple[str, str], int | None] = {}
    for kind, ids in wanted.items():
        if kind == ROOM:
            query = select(room_state.c.conference_id, room_state.c.revision).where(
                room_state.c.conference_id.in_(sorted(ids)))
        else:
            query = select(records.c.id, records.c.version).where(
                records.c.kind == kind, records.c.id.in_(sorted(ids)), records.c.deleted_at.is_(None))
        for record_id, version in conn.execute(query).all():
            found[(kind, record_id)] = version
        for record_id in ids:
            found.setdefault((kind, record_id), None)
    return found


@dataclass(frozen=True)
class CaseSummary:
    """One line of the list of cases (from the ``case_summary`` projection: no document is read)."""

    id: str
    display_name: str
    municipality: str
    case_manager: str
    phase: str
    opened: date
    last_conference: date | None
    next_review: date | None
    version: int


def case_summaries(conn: Connection) -> list[CaseSummary]:
    rows = conn.execute(select(
        case_summary.c.case_id, case_summary.c.display_name, case_summary.c.municipality,
        case_summary.c.case_manager, case_summary.c.phase, case_summary.c.opened, case_summary.c.last_conference,
        case_summary.c.next_review, case_summary.c.version,
    ).where(case_summary.c.deleted.is_(False))).all()
    return sorted((CaseSummary(*row) for row in rows), key=lambda c: c.id)

"""The store: cases and supervision sessions saved whole, with optimistic concurrency and an audit trail.

Rules (the same for every kind of record, implemented once in :class:`Store`):

* a record is saved whole as JSON (``records.data``, the pydantic dump without ``version``); its version lives
  in ``records.version`` and goes up by one with every saved change;
* saving a copy whose version is no longer the stored one is refused with :class:`ConflictError`, which names
  the top-level fields changed since that copy's version and who changed them; nothing is overwritten;
* a copy with version 0 is new: it is inserted as version 1, unless its id is taken (``ConflictError``);
* a save that changes nothing writes nothing and returns the stored copy (no audit entry, same version);
  "nothing" means the validated copy dumps to exactly the stored JSON text (pydantic's dump is deterministic: a
  copy read with ``get`` and saved again is unchanged; only a dict rebuilt in another key order counts as a
  change);
* every successful change writes exactly one audit entry (who, when, the document before and after) in the same
  transaction; a refused one writes none. An update stores only the new document: its ``before`` is the
  ``after`` of the entry of the previous version, which :meth:`Store.history` fills in (entries written by older
  casekit versions store both);
* deletion is soft (``deleted_at``); a deleted record is hidden from ``get``/``cases`` until restored, and saving
  onto it is refused (``errors.deleted``). Delete and restore keep the version (the document does not change);
* for cases, the query projections (``case_summary``, ``case_needs``, ``case_actors``, ``case_actions``) are
  brought up to date in the same transaction as the save: only the rows that differ from
  :func:`casekit.frames.projection_rows` are deleted, inserted or updated, so the tables always equal a full
  rewrite.

* the room view's state (``room_state``, :mod:`casekit.store.live`) is saved without validation or audit; on
  PostgreSQL every inserted or updated record and room state notifies the channel ``casekit`` with
  ``<kind>:<id>:<version>`` in its own transaction (a trigger, migration 0004), which followers ``LISTEN`` to.

A save validates the copy again (a copy changed in place is checked too; only the fields whose JSON differs
from what this store last validated for the record, see :mod:`.checked`), dumps it with pydantic's JSON serializer, and decides "nothing changed" by comparing that JSON text with the
stored one in the database (the document is sent once and never read back).
"""
from __future__ import annotations

import getpass
import json
import os
import threading
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError
from sqlalchemy import Table, and_, bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from .. import frames
from ..errors import CaseKitError, ConflictError, InvalidData, NotFound
from ..model import Case, SupervisionSession
from . import live
from .checked import CheckedParts
from .engine import WRITE
from .failures import database_failures
from .schema import PROJECTIONS, assessment_index, audit, case_summary, records, room_state

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..conference.room_state import RoomState

MAX_WHO = 200
#: How many records' projection rows a :class:`Store` remembers (see ``Store._projected``).
REMEMBERED_PROJECTIONS = 16


@dataclass(frozen=True)
class AuditEntry:
    """One change of one record: ``action`` is create, update, delete or restore.

    ``before``/``after`` are the documents (dicts, without ``version``) before and after the change; ``before``
    is None for create and restore, ``after`` is None for delete.
    """

    kind: str
    record_id: str
    version: int
    action: str
    who: str
    at: datetime
    before: dict | None
    after: dict | None


@dataclass(frozen=True)
class _Kind:
    name: str
    model: type[BaseModel]
    #: writes query projections for a saved record (``None``: this kind has none): ``project(conn, record,
    #: previous)`` where ``previous`` is what the last call returned for this record if the projections in the
    #: database are known to be exactly that, else None (they are read)
    project: Callable[[Connection, Any, Any], Any] | None = None
    #: marks the projections of a record deleted / restored
    mark_deleted: Callable[[Connection, str, bool], None] | None = None


def _project_case(conn: Connection, case: Case, previous: dict | None = None) -> dict:
    """Bring the projection rows of ``case`` up to date, writing only the differences (parent table first).

    ``previous``: the rows known to be stored (what the last call returned), else they are read. Returns the rows
    now stored, by table name, key and column order (for the next call)."""
    rows = frames.projection_rows(case)
    stored = previous if previous is not None else dict.fromkeys(rows)
    return {table.name: _sync_rows(conn, table, case.id, rows[table.name], stored[table.name]) for table in PROJECTIONS}


def _rewrite_case_projections(conn: Connection, case: Case) -> None:
    """Delete and insert every projection row of ``case`` (the reference :func:`_project_case` must equal)."""
    rows = frames.projection_rows(case)
    for table in reversed(PROJECTIONS):
        conn.execute(delete(table).where(table.c.case_id == case.id))
    for table in PROJECTIONS:
        if rows[table.name]:
            conn.execute(insert(table), rows[table.name])


@lru_cache(maxsize=None)
def _statements(table: Table):
    """How rows of a projection table are compared and written: its column names, its key columns, getters of a
    row's values in column order (from a dict) and of its key (from those values, always a tuple), and the
    executemany DELETE and UPDATE of rows matched by their key (bound as ``k_<column>``)."""
    columns = tuple(column.name for column in table.columns)
    keys = tuple(column.name for column in table.primary_key.columns)
    others = tuple(name for name in columns if name not in keys)
    match = [table.c[key] == bindparam(f"k_{key}") for key in keys]
    remove = delete(table).where(*match)
    change = update(table).where(*match).values({name: bindparam(name) for name in others})
    values = itemgetter(*columns)
    key_at = [columns.index(key) for key in keys]
    key = itemgetter(*key_at) if len(key_at) > 1 else (lambda row, at=key_at[0]: (row[at],))
    other_at = [columns.index(name) for name in others]
    return columns, keys, others, values, key, other_at, remove, change


def _sync_rows(conn: Connection, table: Table, case_id: str, new_rows: list[dict], old: dict | None = None) -> dict:
    """Make the rows of ``table`` for ``case_id`` equal ``new_rows``: the stored rows (``old``: known already, as
    returned by the last call, else read) are compared by primary key and then column by column, and only the
    differences are deleted, updated and inserted. Returns the rows now stored: key → values in column order."""
    columns, keys, others, values, key, other_at, remove, change = _statements(table)
    if old is None:
        old = {}
        for row in conn.execute(select(*table.c).where(table.c.case_id == case_id)).all():
            row = tuple(row)
            old[key(row)] = row
    wanted = {}
    for row in map(values, new_rows):
        wanted[key(row)] = row
    gone = [k for k in old if k not in wanted]
    changed = [row for k, row in wanted.items() if k in old and old[k] != row]
    added = [row for k, row in wanted.items() if k not in old]
    if gone:
        conn.execute(remove, [{f"k_{name}": value for name, value in zip(keys, k)} for k in gone])
    if changed:
        conn.execute(change, [
            {**{f"k_{name}": value for name, value in zip(keys, key(row))},
             **{name: row[at] for name, at in zip(others, other_at)}}
            for row in changed
        ])
    if added:
        conn.execute(insert(table), [dict(zip(columns, row)) for row in added])
    return wanted


def _mark_case_deleted(conn: Connection, case_id: str, deleted: bool) -> None:
    conn.execute(update(case_summary).where(case_summary.c.case_id == case_id).values(deleted=deleted))


def _project_assessment(conn: Connection, assessment, _previous=None) -> None:
    conn.execute(delete(assessment_index).where(assessment_index.c.assessment_id == assessment.id))
    conn.execute(insert(assessment_index).values(
        assessment_id=assessment.id, case_id=assessment.case_id, instrument_id=assessment.instrument_id,
        instrument_version=assessment.instrument_version, date=assessment.date, rater=assessment.rater,
        perspective=assessment.perspective.value, actor_id=assessment.actor_id, deleted=False,
    ))


def _mark_assessment_deleted(conn: Connection, assessment_id: str, deleted: bool) -> None:
    conn.execute(update(assessment_index).where(assessment_index.c.assessment_id == assessment_id)
                 .values(deleted=deleted))


def _assessment_model():
    from ..instruments.responses import Assessment

    return Assessment


CASE = _Kind("case", Case, _project_case, _mark_case_deleted)
SESSION = _Kind("supervision", SupervisionSession)

_ASSESSMENT: _Kind | None = None

CREATE, UPDATE, DELETE, RESTORE = "create", "update", "delete", "restore"

# The statements of a save, built once (SQLAlchemy then skips building and caching them on every save).
_RECORD = and_(records.c.kind == bindparam("k_kind"), records.c.id == bindparam("k_id"))
_DOCUMENT = bindparam("document", type_=records.c.data.type)  # sent once, used twice
_LOCK_RECORD = (select(records.c.version, records.c.deleted_at, records.c.updated_at, records.c.updated_by)
                .where(_RECORD).with_for_update())
_UPDATE_RECORD = (
    update(records)
    .where(_RECORD, records.c.version == bindparam("base"), records.c.deleted_at.is_(None), records.c.data != _DOCUMENT)
    .values(version=records.c.version + 1, data=_DOCUMENT, updated_at=bindparam("at", type_=records.c.updated_at.type),
            updated_by=bindparam("who", type_=records.c.updated_by.type))
)
#: PostgreSQL: the UPDATE and its audit entry in one statement (one round trip; the document is sent once, and
#: the audit row takes it from the UPDATE); it returns a row if the record was updated
_SAVED = _UPDATE_RECORD.returning(records.c.kind, records.c.id, records.c.version, records.c.data).cte("saved")
_UPDATE_RECORD_AND_AUDIT = insert(audit).from_select(
    ("kind", "record_id", "version", "action", "who", "at", "after"),
    select(_SAVED.c.kind, _SAVED.c.id, _SAVED.c.version, bindparam("a_action", UPDATE, type_=audit.c.action.type),
           bindparam("who", type_=audit.c.who.type), bindparam("at", type_=audit.c.at.type), _SAVED.c.data),
).add_cte(_SAVED).returning(audit.c.version)
#: PostgreSQL: the audit entry of a create, its ``after`` copied from the record's row in the database
_AUDIT_FROM_RECORD = insert(audit).from_select(
    ("kind", "record_id", "version", "action", "who", "at", "after"),
    select(bindparam("k_kind", type_=audit.c.kind.type), bindparam("k_id", type_=audit.c.record_id.type),
           bindparam("a_version", type_=audit.c.version.type), bindparam("a_action", type_=audit.c.action.type),
           bindparam("a_who", type_=audit.c.who.type), bindparam("a_at", type_=audit.c.at.type), records.c.data)
    .where(_RECORD),
)


#: what :meth:`Store._save_in` gives instead of projection rows when nothing changed (nothing written)
_UNCHANGED = object()


class _IdTaken(Exception):
    """Another writer inserted the same id between our check and our insert."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _utc(value: datetime | None) -> datetime | None:
    # SQLite gives naive datetimes back; everything stored is UTC
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _loads(text: str | None) -> dict | None:
    return None if text is None else json.loads(text)


def default_user() -> str:
    configured = os.environ.get("CASEKIT_USER", "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


class Store:
    """Cases and supervision sessions in a SQL database (SQLite or PostgreSQL). Open with ``open_store()``."""

    def __init__(self, engine: Engine, *, user: str | None = None):
        self._engine = engine
        self.user = (user or default_user())[:MAX_WHO]
        #: (kind, id) → ((version, updated_at, updated_by) written, projection rows written) of the last records
        #: this store saved: when the stored record still has that stamp, its projection rows are exactly these
        #: (every save changes the stamp, delete/restore forget the entry), so the next save compares with them
        #: instead of reading them back
        self._projected: OrderedDict[tuple[str, str], tuple[tuple, Any]] = OrderedDict()
        self._projected_lock = threading.Lock()
        self._checked = CheckedParts()

    # -- lifecycle -------------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """The database URL (password hidden)."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def engine(self) -> Engine:
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r}, user={self.user!r})"

    # -- cases -----------------------------------------------------------------------------------------------
    def save(self, case: Case, *, user: str | None = None) -> Case:
        """Save a case; returns a new copy with the stored version. Raises ConflictError on a stale copy."""
        return self._save(CASE, case, user)

    def get(self, case_id: str, *, include_deleted: bool = False) -> Case:
        return self._get(CASE, case_id, include_deleted)

    def cases(self, *, include_deleted: bool = False) -> list[Case]:
        """All cases, ordered by id."""
        return self._list(CASE, include_deleted)

    def exists(self, case_id: str, *, include_deleted: bool = False) -> bool:
        return self._exists(CASE, case_id, include_deleted)

    def delete(self, case_id: str, *, user: str | None = None) -> None:
        """Soft-delete a case (hidden until restored); deleting a deleted case does nothing."""
        self._set_deleted(CASE, case_id, True, user)

    def restore(self, case_id: str, *, user: str | None = None) -> None:
        self._set_deleted(CASE, case_id, False, user)

    def history(self, case_id: str) -> list[AuditEntry]:
        """The audit trail of a case, oldest first."""
        return self._history(CASE, case_id)

    # -- supervision sessions --------------------------------------------------------------------------------
    def save_session(self, session: SupervisionSession, *, user: str | None = None) -> SupervisionSession:
        return self._save(SESSION, session, user)

    def get_session(self, session_id: str, *, include_deleted: bool = False) -> SupervisionSession:
        return self._get(SESSION, session_id, include_deleted)

    def sessions(self, *, include_deleted: bool = False) -> list[SupervisionSession]:
        return self._list(SESSION, include_deleted)

    def session_exists(self, session_id: str, *, include_deleted: bool = False) -> bool:
        return self._exists(SESSION, session_id, include_deleted)

    def delete_session(self, session_id: str, *, user: str | None = None) -> None:
        self._set_deleted(SESSION, session_id, True, user)

    def restore_session(self, session_id: str, *, user: str | None = None) -> None:
        self._set_deleted(SESSION, session_id, False, user)

    def session_history(self, session_id: str) -> list[AuditEntry]:
        return self._history(SESSION, session_id)

    # -- assessments (answers to an instrument) ---------------------------------------------------------------
    def save_assessment(self, assessment, instrument, *, user: str | None = None):
        """Save an assessment after checking its answers against ``instrument`` (partial answers allowed).

        Raises :class:`~casekit.instruments.AnswerError` (an :class:`InvalidData`) for answers the instrument
        refuses, and the usual :class:`ConflictError` for a stale copy.
        """
        checked = assessment.check(instrument, complete=False)
        if checked.case_id is not None and not self.exists(checked.case_id):
            raise NotFound("errors.not_found", id=checked.case_id)
        return self._save(self._assessments(), checked, user)

    def save_assessment_with_case(self, assessment, instrument, case: Case, *, user: str | None = None):
        """Save an assessment and the case it changed (its answers reflected into the needs) in one
        transaction: both or neither. The assessment must belong to ``case``. Returns ``(assessment, case)``
        with their stored versions; a stale copy of either raises :class:`ConflictError` and saves nothing."""
        checked = assessment.check(instrument, complete=False)
        if checked.case_id != case.id:
            raise CaseKitError("errors.invalid_data")
        saved_case, saved = self._save_all([(CASE, case), (self._assessments(), checked)], user)
        return saved, saved_case

    def get_assessment(self, assessment_id: str, *, include_deleted: bool = False):
        return self._get(self._assessments(), assessment_id, include_deleted)

    def assessments(self, *, case_id: str | None = None, instrument_id: str | None = None,
                    include_deleted: bool = False) -> list:
        """Stored assessments, oldest first, optionally of one case and/or one instrument."""
        query = select(assessment_index.c.assessment_id)
        if case_id is not None:
            query = query.where(assessment_index.c.case_id == case_id)
        if instrument_id is not None:
            query = query.where(assessment_index.c.instrument_id == instrument_id)
        if not include_deleted:
            query = query.where(assessment_index.c.deleted.is_(False))
        kind = self._assessments()
        with self._read() as conn:
            ids = conn.execute(query).scalars().all()
            rows = conn.execute(
                select(records.c.version, records.c.data)
                .where(records.c.kind == kind.name, records.c.id.in_(ids))
            ).all() if ids else []
        found = [self._load(kind, row.data, row.version) for row in rows]
        return sorted(found, key=lambda a: (a.date, a.id))

    def delete_assessment(self, assessment_id: str, *, user: str | None = None) -> None:
        self._set_deleted(self._assessments(), assessment_id, True, user)

    def restore_assessment(self, assessment_id: str, *, user: str | None = None) -> None:
        self._set_deleted(self._assessments(), assessment_id, False, user)

    @staticmethod
    def _assessments() -> _Kind:
        global _ASSESSMENT
        if _ASSESSMENT is None:  # the instruments package is imported only when assessments are used
            _ASSESSMENT = _Kind("assessment", _assessment_model(), _project_assessment, _mark_assessment_deleted)
        return _ASSESSMENT

    # -- live: the room view's state, versions to follow, a light list of cases ----------------------------------
    def get_room_state(self, conference_id: str) -> "RoomState | None":
        """The room view's state of a conference (``casekit.conference.room_state``), or None if never saved."""
        from ..conference.room_state import RoomState

        with self._read() as conn:
            row = live.room_row(conn, conference_id)
        if row is None:
            return None
        state = live.state_from_row(row)
        state["updated_at"] = _utc(state["updated_at"])
        return RoomState.model_validate(state)

    def save_room_state(self, state: "RoomState", *, fields: Iterable[str] | None = None,
                        user: str | None = None) -> "RoomState":
        """Save the room view's state; returns it as stored now (``revision`` + 1). ``fields`` (of ``case_id``,
        ``step``, ``timer``, ``revealed``; default all) are written, the others stay as stored: the last writer
        wins per field. No case is read or validated, no audit entry written."""
        from ..conference.room_state import SAVED_FIELDS, RoomState

        try:
            state = RoomState.model_validate(state.model_dump() if isinstance(state, BaseModel) else state)
        except ValidationError as exc:
            raise InvalidData.from_validation(exc) from None
        fields = tuple(SAVED_FIELDS if fields is None else fields)
        unknown = sorted(set(fields) - set(SAVED_FIELDS))
        if unknown:
            raise CaseKitError("errors.field_not_editable", field=unknown[0], what="room_state")
        values = {"conference_id": state.conference_id, "case_id": state.case_id, "step": state.step,
                  "timer": state.timer.model_dump_json(), "revealed": json.dumps(state.revealed, ensure_ascii=False),
                  "updated_at": _now(), "updated_by": self._who(user)}
        with self._write() as conn:
            row = live.upsert_room(conn, values, fields)
        saved = live.state_from_row(row)
        saved["updated_at"] = _utc(saved["updated_at"])
        return RoomState.model_validate(saved)

    def delete_room_state(self, conference_id: str) -> None:
        with self._write() as conn:
            conn.execute(delete(room_state).where(room_state.c.conference_id == conference_id))

    def version_of(self, kind: str, record_id: str) -> int | None:
        """The stored version of a record (``kind``: case, supervision, assessment) or a room state's revision
        (``room``, by conference id); None if there is none (or it is deleted). One small query."""
        return self.versions([(kind, record_id)])[(kind, record_id)]

    def versions(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int | None]:
        """:meth:`version_of` of many ``(kind, id)`` at once (one query per kind)."""
        keys = list(keys)
        unknown = sorted({kind for kind, _ in keys} - set(live.KINDS))
        if unknown:
            raise CaseKitError("errors.kind_unknown", kind=unknown[0])
        if not keys:
            return {}
        with self._read() as conn:
            return live.versions(conn, keys)

    def case_summaries(self) -> list["live.CaseSummary"]:
        """The cases (not deleted) as short lines for a list, read from the summary table (no document parsed),
        ordered by id."""
        with self._read() as conn:
            return live.case_summaries(conn)

    # -- JSON files ------------------------------------------------------------------------------------------
    def import_json(self, text: str | bytes, *, user: str | None = None) -> Case:
        """Import a case file: a new id is inserted (as version 1); an existing id is updated only when the
        file's version is the stored one, otherwise :class:`ConflictError`."""
        from ..caseio import import_case

        case = import_case(text)
        if not self._exists(CASE, case.id, include_deleted=True):
            case = case.model_copy(update={"version": 0})
        return self.save(case, user=user)

    def export_json(self, case_id: str) -> str:
        from ..caseio import export_case

        return export_case(self.get(case_id))

    # -- frames ----------------------------------------------------------------------------------------------
    def frame(self, name: str, *, include_deleted: bool = False) -> "pd.DataFrame":
        """A tidy frame of all cases read with SQL: "cases", "needs", "actors" or "actions" (see casekit.frames)."""
        with database_failures():
            return frames.read_frame(self._engine, name, include_deleted=include_deleted)

    def cases_frame(self, *, include_deleted: bool = False) -> "pd.DataFrame":
        return self.frame("cases", include_deleted=include_deleted)

    def needs_frame(self, *, include_deleted: bool = False) -> "pd.DataFrame":
        return self.frame("needs", include_deleted=include_deleted)

    def actors_frame(self, *, include_deleted: bool = False) -> "pd.DataFrame":
        return self.frame("actors", include_deleted=include_deleted)

    def actions_frame(self, *, include_deleted: bool = False) -> "pd.DataFrame":
        return self.frame("actions", include_deleted=include_deleted)

    # -- implementation, generic over the kind of record -----------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with database_failures():
            with self._engine.connect() as conn:
                conn.execution_options(**{WRITE: True})
                with conn.begin():
                    yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with database_failures():
            with self._engine.connect() as conn:
                yield conn

    def _who(self, user: str | None) -> str:
        return (user or self.user)[:MAX_WHO]

    @staticmethod
    def _key(kind: _Kind, record_id: str):
        return and_(records.c.kind == kind.name, records.c.id == record_id)

    def _validate(self, kind: _Kind, record) -> tuple[BaseModel, str]:
        """Validate again (a copy changed in place – ``case.needs.append`` – or built with ``model_construct``
        must not reach the database unchecked) and dump the validated copy: ``(copy, JSON without version)``.
        Fields whose JSON is what this store last validated for the record are not validated again
        (:mod:`.checked`)."""
        try:
            return self._checked.check(kind.model, record)
        except ValidationError as exc:
            raise InvalidData.from_validation(exc) from None
        except (PydanticSerializationError, TypeError, ValueError):
            raise InvalidData("errors.invalid_data") from None

    def _load(self, kind: _Kind, data: str, version: int) -> BaseModel:
        return kind.model.model_validate_json(data).model_copy(update={"version": version})

    def _save(self, kind: _Kind, record, user: str | None) -> BaseModel:
        return self._save_all([(kind, record)], user)[0]

    def _save_all(self, pairs: list[tuple[_Kind, Any]], user: str | None) -> list[BaseModel]:
        """Save records of any kinds in one transaction: all of them or none (a conflict on any aborts all)."""
        checked = [(kind, *self._validate(kind, record)) for kind, record in pairs]
        who, now = self._who(user), _now()
        done, remember = [], []
        try:
            with self._write() as conn:
                for kind, item, data in checked:
                    saved, projected = self._save_in(conn, kind, item, data, who, now)
                    done.append(saved)
                    if projected is not _UNCHANGED:
                        remember.append((kind, saved, projected))
        except _IdTaken as taken:
            # a concurrent insert of the same id won the race; this transaction was rolled back
            kind, item, data = taken.args
            with self._read() as conn:
                raise self._conflict(conn, kind, item.id, item.version, data) from None
        for kind, saved, projected in remember:  # committed: the projections are now exactly these rows
            if kind.project is not None:
                self._remember(kind, saved.id, (saved.version, now, who), projected)
        return done

    def _save_in(self, conn, kind: _Kind, item: BaseModel, data: str, who: str, now: datetime):
        """One record's save inside the caller's transaction: ``(saved copy, projection rows or _UNCHANGED)``."""
        base = item.version
        params = {"k_kind": kind.name, "k_id": item.id, "base": base, "document": data, "at": now, "who": who}
        # the stored document is not read: the UPDATE below compares it with ours in the database
        row = conn.execute(_LOCK_RECORD, params).first()
        if row is None:
            if base != 0:
                raise NotFound("errors.not_found", id=item.id)
            try:
                conn.execute(insert(records).values(
                    kind=kind.name, id=item.id, version=1, data=data, created_at=now, created_by=who,
                    updated_at=now, updated_by=who,
                ))
            except IntegrityError:
                raise _IdTaken(kind, item, data) from None  # leave the (aborted) transaction first
            version, action, audited = 1, CREATE, False
        else:
            if row.deleted_at is not None and base != 0:
                raise CaseKitError("errors.deleted", id=item.id)
            if base != row.version:
                raise self._conflict(conn, kind, item.id, base, data)
            # PostgreSQL writes the audit entry in the same statement (saves a round trip)
            audited = conn.dialect.name == "postgresql"
            if audited:
                updated = conn.execute(_UPDATE_RECORD_AND_AUDIT, params).first() is not None
            else:
                updated = conn.execute(_UPDATE_RECORD, params).rowcount == 1
            if not updated:
                current = conn.execute(
                    select(records.c.version, records.c.data).where(self._key(kind, item.id))
                ).first()
                if current is not None and current.version == base and current.data == data:
                    return item.model_copy(update={"version": base}), _UNCHANGED  # nothing changed: nothing written
                raise self._conflict(conn, kind, item.id, base, data)
            version, action = base + 1, UPDATE
        # an update's document before is the previous version's ``after``: history() derives it
        if not audited:
            self._audit_saved(conn, kind, item.id, version, action, who, now, data)
        saved = item.model_copy(update={"version": version})
        projected = None
        if kind.project is not None:
            known = self._recall(kind, item.id, (row.version, _utc(row.updated_at), row.updated_by)) \
                if row is not None else None
            projected = kind.project(conn, saved, known)
        return saved, projected

    def _recall(self, kind: _Kind, record_id: str, stamp: tuple):
        """The projection rows this store wrote for the record, if the stored record still has their stamp."""
        with self._projected_lock:
            entry = self._projected.get((kind.name, record_id))
        return entry[1] if entry is not None and entry[0] == stamp else None

    def _remember(self, kind: _Kind, record_id: str, stamp: tuple, projected) -> None:
        with self._projected_lock:
            if projected is None:
                self._projected.pop((kind.name, record_id), None)
                return
            self._projected[(kind.name, record_id)] = (stamp, projected)
            self._projected.move_to_end((kind.name, record_id))
            while len(self._projected) > REMEMBERED_PROJECTIONS:
                self._projected.popitem(last=False)

    def _audit(self, conn, kind: _Kind, record_id: str, version: int, action: str, who: str, at: datetime,
               before: str | None, after: str | None) -> None:
        conn.execute(insert(audit).values(
            kind=kind.name, record_id=record_id, version=version, action=action, who=who, at=at,
            before=before, after=after,
        ))

    def _audit_saved(self, conn, kind: _Kind, record_id: str, version: int, action: str, who: str,
                     at: datetime, data: str) -> None:
        """The audit entry of a create or update: ``after`` is ``data``, the document just stored, ``before`` NULL.

        PostgreSQL copies ``data`` from the record's row (no second upload of the document, and the compressed
        value is reused); SQLite is faster with the text bound again than with the row's overflow pages read."""
        if conn.dialect.name != "postgresql":
            self._audit(conn, kind, record_id, version, action, who, at, None, data)
            return
        conn.execute(_AUDIT_FROM_RECORD, {"k_kind": kind.name, "k_id": record_id, "a_version": version,
                                          "a_action": action, "a_who": who, "a_at": at})

    def _conflict(self, conn, kind: _Kind, record_id: str, base: int, mine: str) -> ConflictError:
        """What changed between the copy's version and the stored one, and by whom."""
        current = conn.execute(
            select(records.c.version, records.c.data).where(self._key(kind, record_id))
        ).first()
        if current is None:  # vanished meanwhile: nothing to compare with
            return ConflictError(record_id, base, 0, [], [])
        stored = _loads(current.data)
        then = None
        if base > 0:
            then = conn.execute(
                select(audit.c.after).where(
                    audit.c.kind == kind.name, audit.c.record_id == record_id, audit.c.version == base,
                    audit.c.action.in_((CREATE, UPDATE)),
                ).order_by(audit.c.id.desc()).limit(1)
            ).scalar()
        then = _loads(then if then is not None else mine)  # no such version stored: compare with the copy
        order = [name for name in kind.model.model_fields if name != "version"]
        keys = order + sorted((set(stored) | set(then)) - set(order))
        changed = [name for name in keys if stored.get(name) != then.get(name)]
        whos = conn.execute(
            select(audit.c.who).where(
                audit.c.kind == kind.name, audit.c.record_id == record_id, audit.c.version > base,
            ).order_by(audit.c.id)
        ).scalars().all()
        return ConflictError(record_id, base, current.version, changed, list(dict.fromkeys(whos)))

    def _get(self, kind: _Kind, record_id: str, include_deleted: bool) -> BaseModel:
        with self._read() as conn:
            row = conn.execute(
                select(records.c.version, records.c.data, records.c.deleted_at).where(self._key(kind, record_id))
            ).first()
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFound("errors.not_found", id=record_id)
        return self._load(kind, row.data, row.version)

    def _list(self, kind: _Kind, include_deleted: bool) -> list:
        query = select(records.c.id, records.c.version, records.c.data).where(records.c.kind == kind.name)
        if not include_deleted:
            query = query.where(records.c.deleted_at.is_(None))
        with self._read() as conn:
            rows = conn.execute(query).all()
        # ordered in Python: the same order on every backend, whatever the database's collation
        return [self._load(kind, row.data, row.version) for row in sorted(rows, key=lambda r: r.id)]

    def _exists(self, kind: _Kind, record_id: str, include_deleted: bool) -> bool:
        query = select(func.count()).select_from(records).where(self._key(kind, record_id))
        if not include_deleted:
            query = query.where(records.c.deleted_at.is_(None))
        with self._read() as conn:
            return bool(conn.execute(query).scalar())

    def _set_deleted(self, kind: _Kind, record_id: str, deleted: bool, user: str | None) -> None:
        who, now = self._who(user), _now()
        with self._write() as conn:
            row = conn.execute(
                select(records.c.version, records.c.data, records.c.deleted_at)
                .where(self._key(kind, record_id)).with_for_update()
            ).first()
            if row is None:
                raise NotFound("errors.not_found", id=record_id)
            if (row.deleted_at is not None) == deleted:
                return  # already so: nothing to record
            conn.execute(update(records).where(self._key(kind, record_id)).values(
                deleted_at=now if deleted else None, deleted_by=who if deleted else None,
            ))
            before, after = (row.data, None) if deleted else (None, row.data)
            self._audit(conn, kind, record_id, row.version, DELETE if deleted else RESTORE, who, now, before, after)
            if kind.mark_deleted is not None:
                self._remember(kind, record_id, (), None)  # the projections change: read them at the next save
                kind.mark_deleted(conn, record_id, deleted)

    def _history(self, kind: _Kind, record_id: str) -> list[AuditEntry]:
        with self._read() as conn:
            rows = conn.execute(
                select(audit).where(audit.c.kind == kind.name, audit.c.record_id == record_id).order_by(audit.c.id)
            ).all()
        if not rows:
            raise NotFound("errors.not_found", id=record_id)
        entries, document = [], None  # document: the JSON of the latest version seen so far
        for r in rows:
            before = r.before
            if r.action == UPDATE and before is None:
                before = document  # stored once, as the previous version's ``after``
            if r.action in (CREATE, UPDATE, RESTORE):
                document = r.after
            entries.append(AuditEntry(kind=r.kind, record_id=r.record_id, version=r.version, action=r.action,
                                      who=r.who, at=_utc(r.at), before=_loads(before), after=_loads(r.after)))
        return entries

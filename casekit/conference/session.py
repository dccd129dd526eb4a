"""A running conference on one device, without widgets: the open case, its chosen conference, validated edits
saved at once (or after a pause in typing), merged with what other devices saved meanwhile.

    session = ConferenceSession(store, lang="cs")
    session.on_state.append(draw_saved_indicator)          # SaveState("saved", at=…) / "pending" / "failed" …
    session.open(case_id)
    session.choose_conference(conference_id)
    session.change(partial(edits.set_conference, conference_id=cid, place="Room B"), debounce=True)
    session.change(partial(edits.remove_actor, actor_id="niece"))   # a removal: session.undo() puts it back

**Saving.** :meth:`ConferenceSession.change` applies a named edit (:mod:`.edits`) to :attr:`current`; the edit
validates the whole case (``InvalidData`` leaves everything as it was). The valid copy is saved with
``store.save`` (one transaction), at once or, with ``debounce=True`` and an asyncio loop running (a kernel),
after 0.8 s without another change; without a loop it is saved at once. :meth:`flush` saves what waits.

**Other devices.** Each device's copy remembers the version it started from (:attr:`saved`). When the store
refuses a save because another device saved first (``ConflictError``), the session reads the stored case,
merges three ways (:func:`.merge.merge`: base = what this device started from, mine = its copy, theirs = the
stored one) and saves the merge; it tries again (at most ``retries`` times) if yet another save came in
between. Only when both devices changed the same field differently does it stop: nothing is saved, a
:class:`CollisionError` names the field(s) and both values, and what the person typed stays in :attr:`current`
(pending). :meth:`resolve` then keeps "mine" or takes "theirs" for the colliding fields, and saves everything
else. Edits made while a collision waits stay pending too.

**Failures.** A database failure (:class:`~casekit.store.failures.StoreFailure`: a lost connection, a full
disk …) saves nothing and loses nothing: the change stays pending, the state is ``failed`` with the reason,
and the next :meth:`flush` (or change) tries again.

**Callbacks** (lists of callables; a failing one is logged, never raised): ``on_saved(case)`` after every
save, ``on_collision(CollisionError)`` whenever a collision is found, ``on_error(exc)`` when a save nobody
waits for fails (a debounced one; a direct call raises instead), ``on_state(SaveState)`` whenever the saved
state changes — the widget draws it.

**Lists** (:meth:`cases`, :meth:`conferences_of`) are read from the store on every call, never kept from
start-up: a preheated kernel started minutes ago would show stale ones.
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from ..errors import CaseKitError, ConflictError, NotFound
from ..i18n import gettext
from ..model import Case
from .edits_base import Removed, document, undo, validate
from .merge import MINE, THEIRS, Collision, merge

log = logging.getLogger("casekit.conference")

#: an edit: ``Case -> Case``, or ``Case -> (Case, Removed)`` for a removal
Edit = Callable[[Case], Any]
#: how many removals :meth:`ConferenceSession.undo` can take back
UNDO_DEPTH = 20
SAVED, PENDING, FAILED, COLLISION = "saved", "pending", "failed", "collision"


@dataclass(frozen=True)
class SaveState:
    """What the saved indicator shows: ``saved`` (``at``: when), ``pending`` (a change waits), ``failed``
    (``error``: why; the change is still pending) or ``collision`` (``error``: the :class:`CollisionError`)."""

    kind: str
    at: datetime | None = None
    error: BaseException | None = None

    def message(self, lang: str | None = None) -> str:
        if self.kind == SAVED:
            return gettext("conference.state.saved", lang, time=self.at.strftime("%H:%M:%S") if self.at else "")
        if self.kind == PENDING:
            return gettext("conference.state.pending", lang)
        reason = _reason(self.error, lang)
        return gettext(f"conference.state.{self.kind}", lang, reason=reason)

    @property
    def reason(self) -> str:
        return _reason(self.error, None)


def _reason(error: BaseException | None, lang: str | None) -> str:
    if error is None:
        return ""
    if isinstance(error, CaseKitError):
        return " ".join(error.messages(lang))
    return gettext("errors.generic", lang)


class CollisionError(CaseKitError):
    """Another device changed the same field(s) differently; nothing was saved, what you typed is kept.
    ``collisions``: the :class:`~casekit.conference.merge.Collision` list; ``messages(lang)`` one sentence each."""

    code = "errors.collision"

    def __init__(self, collisions: list[Collision]):
        self.collisions = list(collisions)
        super().__init__("errors.collision", count=len(self.collisions))

    def fields(self, lang: str | None = None) -> list[str]:
        """The colliding fields as people name them ("Place of the meeting")."""
        return [c.field_name(lang) for c in self.collisions]

    def messages(self, lang: str | None = None) -> list[str]:
        return [gettext(self.code, lang, count=len(self.collisions))] + [c.message(lang) for c in self.collisions]


def _running_loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class ConferenceSession:
    """One device's conference: the open case and conference, validated changes, saving with three-way merges."""

    def __init__(self, store, *, lang: str = "en", debounce_seconds: float = 0.8, retries: int = 3,
                 clock: Callable[[], datetime] = datetime.now):
        self.store = store
        self.lang = lang
        self.debounce_seconds = min(max(debounce_seconds, 0.0), 2.0)
        self.retries = max(int(retries), 1)
        self.clock = clock
        self.conference_id: str | None = None
        self.state = SaveState(SAVED)
        self.on_saved: list[Callable[[Case], None]] = []
        self.on_collision: list[Callable[[CollisionError], None]] = []
        self.on_error: list[Callable[[BaseException], None]] = []
        self.on_state: list[Callable[[SaveState], None]] = []
        self._saved: Case | None = None
        self._pending: Case | None = None
        self._collision: CollisionError | None = None
        #: (mine preferred, theirs preferred) documents of the waiting collision
        self._sides: tuple[dict, dict] | None = None
        self._removals: list[Removed] = []
        self._handle = None

    # -- reading -------------------------------------------------------------------------------------------------
    @property
    def current(self) -> Case | None:
        """The case with every change of this device, saved or not (what the console shows)."""
        return self._pending if self._pending is not None else self._saved

    @property
    def saved(self) -> Case | None:
        """The case as last read from or saved to the store (what this device's changes are based on)."""
        return self._saved

    @property
    def conference(self):
        case = self.current
        if case is None or self.conference_id is None:
            return None
        return next((c for c in case.conferences if c.id == self.conference_id), None)

    @property
    def has_pending(self) -> bool:
        return self._pending is not None

    @property
    def collision(self) -> CollisionError | None:
        """The collision waiting for :meth:`resolve`, if any."""
        return self._collision

    @property
    def last_removed(self) -> Removed | None:
        """The removal :meth:`undo` would take back ("Undo: removed network member „Niece“")."""
        return self._removals[-1] if self._removals else None

    def cases(self) -> list:
        """The store's cases as short lines (``CaseSummary``), read now."""
        return self.store.case_summaries()

    def conferences_of(self, case_id: str) -> list:
        """The conferences of a case as stored now, newest first."""
        case = self.store.get(case_id)
        return sorted(case.conferences, key=lambda c: (c.date, c.id), reverse=True)

    # -- opening ---------------------------------------------------------------------------------------------------
    def open(self, case_id: str) -> Case:
        """Open a case (what waits for the previous one is saved first)."""
        if self._saved is not None and self._pending is not None and self._collision is None:
            self.flush()
        case = self.store.get(case_id)
        self._reset(case)
        return case

    def create(self, case: Case) -> Case:
        """Save a new case (version 0) and open it."""
        if self._pending is not None and self._collision is None:
            self.flush()
        saved = self.store.save(case)
        self._reset(saved)
        self._set_state(SaveState(SAVED, at=self.clock()))
        return saved

    def _reset(self, case: Case) -> None:
        self._cancel()
        same = self._saved is not None and self._saved.id == case.id
        self._saved, self._pending, self._collision, self._sides = case, None, None, None
        if not same:
            self._removals = []
            self.conference_id = None
        elif self.conference_id is not None and self.conference is None:
            self.conference_id = None

    def choose_conference(self, conference_id: str | None) -> None:
        if conference_id is not None and (self.current is None or
                                           not any(c.id == conference_id for c in self.current.conferences)):
            raise NotFound("errors.not_found", id=conference_id)
        self.conference_id = conference_id

    def reload(self, keep_pending: bool = True) -> Case | None:
        """Read the case again from the store (another device saved it). ``keep_pending``: what this device has
        not saved yet is merged onto it (a collision is reported, not raised); otherwise it is dropped."""
        self._cancel()
        if self._saved is None:
            return None
        stored = self.store.get(self._saved.id)
        if not keep_pending or self._pending is None:
            self._pending, self._collision, self._sides = None, None, None
            self._saved = stored
        elif self._collision is None:
            try:
                self._rebase(stored)
            except CollisionError:
                pass  # reported through on_collision and the state; the person decides
        if self.conference_id is not None and self.conference is None:
            self.conference_id = None
        if self._pending is None:
            self._set_state(SaveState(SAVED, at=self.state.at))
        return self.current

    # -- changing --------------------------------------------------------------------------------------------------
    def change(self, edit: Edit, *, debounce: bool = False) -> Case:
        """Apply ``edit`` to :attr:`current` and save (``debounce``: after a pause, when a loop runs). Raises what
        the edit raises (``InvalidData``: nothing changed), and like :meth:`flush` for a direct save."""
        if self.current is None:
            raise CaseKitError("errors.no_case_open")
        result = edit(self.current)
        case, removed = result if isinstance(result, tuple) else (result, None)
        if not isinstance(case, Case):
            raise TypeError("an edit returns a Case (or a Case and a Removed)")
        if removed is not None:
            self._removals = (self._removals + [removed])[-UNDO_DEPTH:]
        if case == self.current:
            return case
        self._pending = case
        if self._collision is not None:
            self._set_state(SaveState(COLLISION, error=self._collision))
            return case
        loop = _running_loop() if debounce and self.debounce_seconds > 0 else None
        if loop is not None:
            self._cancel()
            self._handle = loop.call_later(self.debounce_seconds, self._flush_later)
            self._set_state(SaveState(PENDING))
            return case
        self.flush()
        return self.current

    def undo(self) -> Case:
        """Take back the last removal (the item and what its cascade changed); later changes are kept."""
        if not self._removals:
            raise CaseKitError("errors.nothing_to_undo")
        removed = self._removals.pop()
        return self.change(lambda case: undo(case, removed))

    def flush(self) -> Case | None:
        """Save what waits, now. Returns the saved case. Raises :class:`CollisionError` while a collision waits
        (nothing saved), :class:`~casekit.store.failures.StoreFailure` when the database fails (the change stays
        pending)."""
        self._cancel()
        if self._pending is None:
            return self._saved
        if self._collision is not None:
            self._set_state(SaveState(COLLISION, error=self._collision))
            raise self._collision
        candidate = self._pending
        try:
            saved = self._save(candidate)
        except CollisionError as exc:
            self._set_state(SaveState(COLLISION, error=exc))
            self._tell(self.on_collision, exc)
            raise
        except Exception as exc:
            self._set_state(SaveState(FAILED, at=self.state.at, error=exc))  # still pending: nothing lost
            raise
        self._pending = None
        self._set_state(SaveState(SAVED, at=self.clock()))
        self._tell(self.on_saved, saved)
        return saved

    def resolve(self, keep: str) -> Case | None:
        """Settle the waiting collision: ``"mine"`` saves what this device typed over the other's value,
        ``"theirs"`` takes the other's value for the colliding fields; every other change is saved either way."""
        if keep not in (MINE, THEIRS):
            raise ValueError("keep is 'mine' or 'theirs'")
        if self._collision is None:
            return self.flush()
        mine_side, theirs_side = self._sides
        pending = self._pending
        if keep == THEIRS and pending is not None:
            result = merge(mine_side, document(pending), theirs_side, prefer=MINE)
            pending = validate(result.merged)
        self._pending, self._collision, self._sides = pending, None, None
        return self.flush()

    def save_with_assessment(self, edit: Edit, assessment, instrument):
        """Apply ``edit`` (the answers reflected into the needs) and save the case with ``assessment`` in one
        transaction: both or neither. A conflict on the case merges as usual; on a collision neither is saved
        (the reflected case waits as pending): after :meth:`resolve`, call this again (reflecting is idempotent).
        A stale assessment (another device answered for the same perspective) raises its ``ConflictError``.
        Returns the saved assessment."""
        if self.current is None:
            raise CaseKitError("errors.no_case_open")
        if self._collision is not None:
            raise self._collision
        result = edit(self.current)
        candidate = result[0] if isinstance(result, tuple) else result
        self._cancel()
        waiting, self._pending = self._pending, candidate
        found: dict = {}

        def write(case: Case) -> Case:
            found["assessment"], saved = self.store.save_assessment_with_case(assessment, instrument, case)
            return saved

        try:
            saved = self._save(candidate, write)
        except CollisionError as exc:
            self._set_state(SaveState(COLLISION, error=exc))
            self._tell(self.on_collision, exc)
            raise
        except Exception as exc:
            self._pending = waiting  # the assessment was not saved: the waiting change waits on
            self._set_state(SaveState(FAILED, at=self.state.at, error=exc))
            raise
        self._pending = None
        self._set_state(SaveState(SAVED, at=self.clock()))
        self._tell(self.on_saved, saved)
        return found["assessment"]

    # -- saving with merges ------------------------------------------------------------------------------------------
    def _save(self, candidate: Case, write: Callable[[Case], Case] | None = None) -> Case:
        write = write or self.store.save
        mine = candidate
        for _ in range(self.retries + 1):
            try:
                saved = write(mine)
            except ConflictError as exc:
                if exc.record_id != mine.id:
                    raise  # another record (an assessment) is stale: not ours to merge
                stored = self.store.get(mine.id)
                mine = self._merged(mine, stored)
                continue
            self._saved = saved
            return saved
        raise CaseKitError("errors.save_kept_changing")

    def _merged(self, mine: Case, stored: Case) -> Case:
        """``mine`` merged onto ``stored`` (base: :attr:`saved`); on a collision the session waits (raises)."""
        base = self._saved
        self._pending = mine
        result = merge(document(base), document(mine), document(stored))
        if result.collisions:
            preferred = merge(document(base), document(mine), document(stored), prefer=MINE).merged
            self._saved = stored
            self._pending = validate(preferred)
            self._sides = (document(self._pending), result.merged)
            self._collision = CollisionError(result.collisions)
            raise self._collision
        merged = validate(result.merged)
        self._saved = stored
        self._pending = merged
        return merged

    def _rebase(self, stored: Case) -> None:
        """The pending change merged onto a newer stored case (nothing saved)."""
        try:
            self._pending = self._merged(self._pending, stored)
        except CollisionError as exc:
            self._set_state(SaveState(COLLISION, error=exc))
            self._tell(self.on_collision, exc)
            raise
        if self._pending == self._saved:
            self._pending = None

    # -- debounce and callbacks ----------------------------------------------------------------------------------
    def _flush_later(self) -> None:
        self._handle = None
        try:
            self.flush()
        except CollisionError:
            pass  # told through on_collision and the state
        except Exception as exc:  # noqa: BLE001 - nothing may escape a timer callback
            from ..errors import describe

            log.warning("delayed save failed: %s", describe(exc))
            self._tell(self.on_error, exc)

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _set_state(self, state: SaveState) -> None:
        self.state = state
        self._tell(self.on_state, state)

    @staticmethod
    def _tell(listeners: list, value) -> None:
        for listener in list(listeners):
            try:
                listener(value)
            except Exception:  # noqa: BLE001 - a listener must never break saving
                log.exception("session listener failed")

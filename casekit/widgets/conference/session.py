"""The state of one running conference: the store, the case as last saved, the conference, autosave.

Every change goes through :meth:`Session.change`: a function edits a plain copy of the case (a dict), the
copy is validated as a whole by the pydantic model (``Case.model_validate``), and the valid copy is saved
with ``store.save`` (one transaction, optimistic concurrency). ``session.case`` is always the last *saved*
copy, with its version. A refused change raises (``InvalidData`` with translated sentences) and leaves
both the store and ``session.case`` as they were.

Debounced changes (text areas): with an asyncio loop running (a kernel), the valid copy waits up to
``debounce_seconds`` (0.8 s) for more typing, then is saved; without a loop (tests, scripts) it is saved at
once. :meth:`flush` saves what is waiting (the app flushes before switching steps or languages).

Conflicts: a ``ConflictError`` from the store (someone else saved the case meanwhile) puts the session in a
conflict state: nothing is saved, the app shows who changed what and offers :meth:`reload`; further changes
are refused until then. Nothing is ever overwritten silently.
"""
from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any, Callable

from pydantic import ValidationError

from ...errors import CaseKitError, ConflictError, InvalidData, NotFound
from ...model import Case
from ..common import SavedIndicator, friendly_messages, log, log_failure

Mutator = Callable[[dict], Any]


def _running_loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Session:
    """Store + case + conference of a running app, with validated autosave."""

    def __init__(self, store, *, lang: str = "en", debounce_seconds: float = 0.8,
                 clock: Callable[[], datetime] = datetime.now):
        self.store = store
        self.lang = lang
        self.case: Case | None = None
        self.conference_id: str | None = None
        self.conflict: ConflictError | None = None
        self.debounce_seconds = min(max(debounce_seconds, 0.0), 1.0)
        self.clock = clock
        self.indicator = SavedIndicator()
        self._pending: Case | None = None
        self._handle = None
        #: called after every successful save with the saved case
        self.on_saved: list[Callable[[Case], None]] = []
        #: called with the ConflictError when a save is refused as stale
        self.on_conflict: list[Callable[[ConflictError], None]] = []
        #: called with the exception when a delayed (debounced) save fails
        self.on_error: list[Callable[[BaseException], None]] = []

    # -- reading ---------------------------------------------------------------------------------------------
    @property
    def current(self) -> Case | None:
        """The case with any change still waiting to be saved (else the saved one)."""
        return self._pending if self._pending is not None else self.case

    @property
    def conference(self):
        case = self.current
        if case is None or self.conference_id is None:
            return None
        return next((c for c in case.conferences if c.id == self.conference_id), None)

    @property
    def has_pending(self) -> bool:
        return self._pending is not None

    # -- opening ---------------------------------------------------------------------------------------------
    def open(self, case_id: str) -> Case:
        self.flush()
        case = self.store.get(case_id)
        self.case, self._pending, self.conflict = case, None, None
        if self.conference_id is not None and not any(c.id == self.conference_id for c in case.conferences):
            self.conference_id = None
        self.indicator.reset()
        return case

    def create(self, case: Case) -> Case:
        """Save a new case (version 0) and make it the open one."""
        self.flush()
        saved = self._save(case)
        self.conference_id = None
        return saved

    def choose_conference(self, conference_id: str | None) -> None:
        if conference_id is not None and (self.current is None or
                                           not any(c.id == conference_id for c in self.current.conferences)):
            raise NotFound("errors.not_found", id=conference_id)
        self.conference_id = conference_id

    def reload(self) -> Case | None:
        """Drop waiting changes and the conflict; read the case again from the store."""
        self._cancel()
        self._pending, self.conflict = None, None
        if self.case is not None:
            self.case = self.store.get(self.case.id)
            if self.conference_id is not None and self.conference is None:
                self.conference_id = None
        self.indicator.reset()
        return self.case

    # -- changing --------------------------------------------------------------------------------------------
    def validate(self, mutate: Mutator) -> Case:
        """The current case changed by ``mutate`` and validated; raises ``InvalidData``, saves nothing."""
        if self.current is None:
            raise CaseKitError("conf.no_case")
        if self.conflict is not None:
            raise CaseKitError("conf.conflict_reload_first")
        data = self.current.model_dump()
        mutate(data)
        try:
            return Case.model_validate(data)
        except ValidationError as exc:
            raise InvalidData.from_validation(exc) from None

    def change(self, mutate: Mutator, *, debounce: bool = False) -> Case:
        """Apply, validate and save a change (debounced: save shortly, when a loop is running)."""
        candidate = self.validate(mutate)
        self._pending = candidate
        loop = _running_loop() if debounce and self.debounce_seconds > 0 else None
        if loop is not None:
            self._cancel()
            self._handle = loop.call_later(self.debounce_seconds, self._flush_later)
            self.indicator.pending(self.lang)
            return candidate
        return self.flush()

    def flush(self) -> Case | None:
        """Save the waiting change now (if any); returns the saved case."""
        self._cancel()
        if self._pending is None:
            return self.case
        candidate, self._pending = self._pending, None
        return self._save(candidate)

    def _flush_later(self) -> None:
        self._handle = None
        try:
            self.flush()
        except Exception as exc:  # noqa: BLE001 - nothing may escape a timer callback
            log_failure(exc, "delayed save")
            for listener in list(self.on_error):
                try:
                    listener(exc)
                except Exception:  # noqa: BLE001
                    log.exception("error listener failed")

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def save_with_assessment(self, candidate: Case, assessment, instrument):
        """Save ``candidate`` (a case :meth:`validate` gave, waiting changes included) and ``assessment`` in one
        transaction: both or neither. Returns the saved assessment; raises like a save."""
        if self.conflict is not None:
            raise CaseKitError("conf.conflict_reload_first")
        waiting, found = self._pending, {}
        self._cancel()
        self._pending = None

        def write(case: Case) -> Case:
            found["assessment"], saved = self.store.save_assessment_with_case(assessment, instrument, case)
            return saved

        try:
            self._save(candidate, write)
        except Exception:
            if self.conflict is None:
                self._pending = waiting  # not saved: a waiting change stays waiting
            raise
        return found["assessment"]

    def _save(self, candidate: Case, write: Callable[[Case], Case] | None = None) -> Case:
        try:
            saved = write(candidate) if write is not None else self.store.save(candidate)
        except ConflictError as exc:
            self.conflict = exc
            self.indicator.failed(friendly_messages(exc, self.lang)[0][:160], self.lang)
            for listener in list(self.on_conflict):
                try:
                    listener(exc)
                except Exception:  # noqa: BLE001
                    log.exception("conflict listener failed")
            raise
        except Exception as exc:
            self.indicator.failed(friendly_messages(exc, self.lang)[0][:160], self.lang)
            raise
        self.case = saved
        self.indicator.saved(self.clock(), self.lang)
        for listener in list(self.on_saved):
            try:
                listener(saved)
            except Exception:  # noqa: BLE001
                log.exception("saved listener failed")
        return saved

    # -- helpers for mutators --------------------------------------------------------------------------------
    def conference_of(self, data: dict) -> dict:
        """The open conference inside a case dict (for mutators)."""
        for conference in data["conferences"]:
            if conference["id"] == self.conference_id:
                return conference
        raise CaseKitError("conf.no_conference")

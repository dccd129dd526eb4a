"""What the room view follows: the step the console shows, the agenda timer, and what is revealed to the room.

The console saves a :class:`RoomState` whenever the facilitator goes to another step, starts, pauses or
advances the timer, or reveals something (``store.save_room_state``); the room view reads it
(``store.get_room_state``) when the follower (:mod:`.follow`) reports ``Change("room", conference_id, …)``.

The timer is kept as wall-clock facts (``started_at`` in UTC, ``elapsed_before`` seconds, ``running``), not as
a ticking number: the console and the room each compute the elapsed time from their own clock, so nothing has
to be saved every second, and a room view opened mid-meeting shows the right time at once.

The state is small and written often: the store saves it without validating the case or writing an audit
entry; ``revision`` goes up by one with every save. Two devices saving at once: the last writer wins, per
field when they name the fields they change (``save_room_state(state, fields=("step",))``).
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from ..model.base import Id, rule_error

#: the conference's steps, in order (what ``step`` may be)
STEPS = ("start", "opening", "story", "assessment", "network", "plan", "review", "close")
#: a revealed-item name: short, plain
RevealKey = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")]
RevealValue = Union[bool, int, Annotated[str, StringConstraints(max_length=200)],
                    Annotated[list[Annotated[str, StringConstraints(max_length=64)]], Field(max_length=200)]]
#: the longest a timer may have run (a forgotten timer stops counting after a week)
MAX_SECONDS = 7 * 24 * 3600.0


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


class Timer(BaseModel):
    """The agenda timer: ``agenda_index`` (the item being discussed), ``running`` since ``started_at`` (UTC),
    plus ``elapsed_before`` seconds from earlier runs of this item. Immutable: each action returns a new timer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    running: bool = False
    started_at: datetime | None = None
    elapsed_before: float = Field(default=0.0, ge=0.0, le=MAX_SECONDS)
    agenda_index: int = Field(default=0, ge=0, le=100)

    @field_validator("started_at")
    @classmethod
    def _in_utc(cls, value: datetime | None) -> datetime | None:
        return _utc(value)

    def elapsed(self, now: datetime | None = None) -> float:
        """Seconds spent on the current item so far."""
        running = 0.0
        if self.running and self.started_at is not None:
            running = max((_utc(now or utc_now()) - self.started_at).total_seconds(), 0.0)
        return min(self.elapsed_before + running, MAX_SECONDS)

    def start(self, now: datetime | None = None) -> "Timer":
        if self.running:
            return self
        return self.model_copy(update={"running": True, "started_at": _utc(now or utc_now())})

    def pause(self, now: datetime | None = None) -> "Timer":
        if not self.running:
            return self
        return self.model_copy(update={"running": False, "started_at": None, "elapsed_before": self.elapsed(now)})

    def go_to(self, index: int, count: int, now: datetime | None = None) -> "Timer":
        """Item ``index`` of ``count`` from zero (running on if it ran)."""
        index = max(0, min(index, max(count - 1, 0)))
        return Timer(running=self.running, started_at=_utc(now or utc_now()) if self.running else None,
                     elapsed_before=0.0, agenda_index=index)

    def next(self, count: int, now: datetime | None = None) -> "Timer":
        return self.go_to(self.agenda_index + 1, count, now)

    def previous(self, count: int, now: datetime | None = None) -> "Timer":
        return self.go_to(self.agenda_index - 1, count, now)

    def left(self, minutes: int, now: datetime | None = None) -> float:
        """Seconds left of a time box of ``minutes`` (negative: over time)."""
        return minutes * 60 - self.elapsed(now)


class RoomState(BaseModel):
    """The room view's state for one conference (``case_id`` tells the room which case to read).

    ``revealed``: what the facilitator has shown to the room, by name (``{"ratings": True, "goals": ["g-1"]}``);
    the room view decides what each name means. ``revision``, ``updated_at`` and ``updated_by`` are set by the
    store."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    conference_id: Id
    case_id: Id | None = None
    step: str = "opening"
    timer: Timer = Field(default_factory=Timer)
    revealed: dict[RevealKey, RevealValue] = Field(default_factory=dict, max_length=100)
    revision: int = Field(default=0, ge=0)
    updated_at: datetime | None = None
    updated_by: str = ""

    @field_validator("step")
    @classmethod
    def _known_step(cls, step: str) -> str:
        if step not in STEPS:
            raise rule_error("room_step_unknown", step=step[:40])
        return step

    @field_validator("updated_at")
    @classmethod
    def _stamp_in_utc(cls, value: datetime | None) -> datetime | None:
        return _utc(value)

    # -- changes (each returns a new state; save it with store.save_room_state) -------------------------------
    def go(self, step: str) -> "RoomState":
        return self.model_copy(update={"step": self._known_step(step)})

    def with_timer(self, timer: Timer) -> "RoomState":
        return self.model_copy(update={"timer": timer})

    def reveal(self, name: str, value: RevealValue = True) -> "RoomState":
        return RoomState.model_validate({**self.model_dump(), "revealed": {**self.revealed, name: value}})

    def hide(self, name: str) -> "RoomState":
        return self.model_copy(update={"revealed": {k: v for k, v in self.revealed.items() if k != name}})


#: fields of a room state a save may name (``fields=``): each is written whole, the others are left as stored
SAVED_FIELDS = ("case_id", "step", "timer", "revealed")

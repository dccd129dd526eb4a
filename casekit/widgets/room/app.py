"""The room view: what the projector shows, read-only, following the facilitator's console live.

``RoomApp.from_environment()`` (``apps/room.ipynb``) opens the store of ``CASEKIT_DB`` and follows the
conference ``CASEKIT_CONFERENCE`` if it is set, else whichever conference a console worked on last. Nobody
touches the room's machine: the console saves the step, the timer, the language and the privacy switch as the
conference's room state (:mod:`casekit.conference.room_state`); a follower (:mod:`casekit.conference.follow`)
notices that, or any saved change of the case, within a quarter of a second, and the room draws the step again
from the case's projection (:func:`casekit.anonymise.projection.room_projection`, privacy on unless the
facilitator switched it off). A running timer is redrawn once a second.

Few widgets: the chrome and one HTML box with the step's screen (:mod:`.screens`), so a redraw is one or two
messages.
"""
from __future__ import annotations

import asyncio
from datetime import datetime, timezone

import ipywidgets as widgets

from ...conference.room_state import STEPS, RoomState
from ...errors import CaseKitError, describe
from ...i18n import format_date, gettext
from ...settings import settings
from ..common import esc, log, store_from_environment
from ..refusals import watch_app_kernel
from ..shell import AppShell
from . import screens
from .render import screen_html

#: seconds between two redraws of a running timer
TICK = 1.0


class RoomApp(AppShell):
    steps = STEPS
    app_class = "casekit-room-app"
    show_switches = False
    show_navigation = False
    first_step = "start"

    def __init__(self, store, *, conference_id: str | None = None, lang: str | None = None, theme: str = "dark",
                 layout: str = "16:9", follow: bool = True, clock=None):
        super().__init__(lang=lang, theme=theme, layout=layout, privacy=True)
        self.store = store
        self.pinned = conference_id
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.state: RoomState | None = None
        self.case = None
        self.room = None
        self.host = widgets.HTML()
        self.host.add_class("room-host")
        self.saved.layout.display = "none"
        self._ticker = None
        self.follower = None
        self.refresh()
        if follow and store is not None:
            self._follow()

    @classmethod
    def from_environment(cls, **kwargs) -> "RoomApp":
        now = settings()
        store, error = store_from_environment("room.no_store")
        kwargs.setdefault("conference_id", now.conference)
        kwargs.setdefault("lang", now.lang)
        kwargs.setdefault("theme", now.theme)
        kwargs.setdefault("layout", now.layout)
        app = cls(store, **kwargs)
        if store is None and error is not None:
            app.report_error(error)
        watch_app_kernel(app.report_refused_update)
        return app

    # -- following -------------------------------------------------------------------------------------------
    def _follow(self) -> None:
        from ...conference.follow import Follower

        self.follower = Follower(self.store, self._changed, on_error=self._follow_failed, everything=not self.pinned)
        if self.pinned:
            self.follower.follow("room", self.pinned)
            if self.state is not None and self.state.case_id:
                self.follower.follow("case", self.state.case_id)
        self.follower.start()

    def _changed(self, change) -> None:
        try:
            self.refresh()
        except Exception as exc:  # noqa: BLE001 - a follower callback must never fail the kernel
            log.warning("room view could not redraw: %s", describe(exc))

    def _follow_failed(self, exc) -> None:
        log.warning("room view lost its database connection: %s", describe(exc))

    def close(self) -> None:
        if self.follower is not None:
            self.follower.stop()
        if self._ticker is not None:
            self._ticker.cancel()
        super().close()

    # -- reading ---------------------------------------------------------------------------------------------
    def _read_state(self) -> RoomState | None:
        if self.store is None:
            return None
        if self.pinned:
            return self.store.get_room_state(self.pinned)
        latest = getattr(self.store, "latest_room_state", None)
        return latest() if latest is not None else _latest_room_state(self.store)

    def refresh(self) -> None:
        """Read the room state and, if it changed, the case; draw what changed."""
        state = self._read_state()
        case = self.case
        if state is not None and state.case_id:
            version = self.store.version_of("case", state.case_id)
            if case is None or case.id != state.case_id or case.version != version:
                try:
                    case = self.store.get(state.case_id)
                except CaseKitError:
                    case = None
                if self.follower is not None and self.pinned and (self.case is None or case is None
                                                                 or case.id != self.case.id):
                    if case is not None:
                        self.follower.follow("case", case.id)
        else:
            case = None
        self.state, self.case = state, case
        revealed = state.revealed if state is not None else {}
        lang = revealed.get("lang") if revealed.get("lang") in ("cs", "en") else self.lang
        self.lang = lang
        self.privacy = bool(revealed.get("privacy", True))
        if revealed.get("layout") in ("16:9", "4:3"):
            self.layout_name = revealed["layout"]
        if case is not None and state is not None:
            from ...anonymise.projection import room_projection

            try:
                self.room = room_projection(case, privacy=self.privacy, lang=self.lang,
                                            conference_id=state.conference_id)
            except CaseKitError:
                self.room = None
        else:
            self.room = None
        self.current_step = state.step if state is not None and self.room is not None else "start"
        self._render()
        self._schedule_tick()

    # -- drawing ---------------------------------------------------------------------------------------------
    def step_title(self, key: str, short: bool = False) -> str:
        return gettext(f"conf.step_{key}", self.lang)

    def title_text(self) -> str:
        if self.room is None:
            return gettext("room.title", self.lang)
        conference = self.room.conference
        when = f" · {format_date(conference.date, self.lang)}" if conference is not None else ""
        return f"{self.room.client.label}{when}"

    def view(self) -> screens.View:
        return screens.View(lang=self.lang, layout=self.layout_name, theme=self.theme,
                            now=self.clock())

    def extra_css(self, colours: dict[str, str]) -> str:
        return screens.room_css(colours, self.layout_name)

    def screen_html(self) -> str:
        return screen_html(self.room, self.state, self.current_step, lang=self.lang, layout=self.layout_name,
                           theme=self.theme, now=self.clock())

    def render_step(self) -> None:
        html = self.screen_html()
        if self.host.value != html:
            self.host.value = html
        self.show(self.host)
        self.timer_slot.value = (screens.timer_html(self.room, self.state, self.view())
                                 if self.room is not None and self.current_step != "start" else "")

    # -- the timer -------------------------------------------------------------------------------------------
    def _schedule_tick(self) -> None:
        running = self.state is not None and self.state.timer.running and self.room is not None
        if not running:
            if self._ticker is not None:
                self._ticker.cancel()
                self._ticker = None
            return
        if self._ticker is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return

        def tick() -> None:
            self._ticker = None
            try:
                self.timer_slot.value = screens.timer_html(self.room, self.state, self.view())
            except Exception as exc:  # noqa: BLE001
                log.warning("timer not drawn: %s", describe(exc))
            self._schedule_tick()

        self._ticker = loop.call_later(TICK, tick)


def _latest_room_state(store) -> RoomState | None:
    """The room state a console saved last (the conference being run now)."""
    from sqlalchemy import select

    from ...store.schema import room_state

    with store.engine.connect() as conn:
        row = conn.execute(select(room_state.c.conference_id).order_by(room_state.c.updated_at.desc())
                           .limit(1)).first()
    return store.get_room_state(row.conference_id) if row is not None else None


__all__ = ["RoomApp"]

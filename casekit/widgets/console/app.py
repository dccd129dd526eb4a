"""The console: where the facilitator (and, on a second device, the minute-taker) runs a case conference.

``ConsoleApp.from_environment()`` (``apps/conference.ipynb``) opens the store of ``CASEKIT_DB`` and, with
``CASEKIT_CASE`` (and ``CASEKIT_CONFERENCE``), that case — so a reloaded page comes back to it. Eight steps in
the shell's chrome (:class:`~casekit.widgets.shell.AppShell`): Start, Opening, Story, Assessment, Network,
Plan, Review, Close, with Back/Next, the saved state and the agenda timer always on screen.

- **Saving**: every edit is a named edit of :mod:`casekit.conference.edits`, validated and saved at once by a
  :class:`~casekit.conference.session.ConferenceSession`; another device's save is merged field by field; only a
  real collision on one field asks (the collision box: both values, keep mine or take theirs), and what was
  typed is kept meanwhile.
- **The room follows**: going to a step, the timer, the language, the layout and the goal whose GAS ladder is
  open on Plan (``revealed["plan_goal"]``) are saved as the conference's room state, which the room view
  (:mod:`casekit.widgets.room`) follows. The room shows initials and no
  private details unless the facilitator ticks "Names on the room's screen" (Opening) — whatever the
  console's own privacy switch says. Saves of another console
  are shown here too (a follower), unless something typed here waits to be saved.
- **Privacy**: with the switch on, a step shows what the room sees (the room view's screen, built from the
  whitelist projection) and only the controls that carry no names or texts (the Assessment grid, the timer,
  the step bar); the Start step lists no other case.
- **Mistakes are cheap**: add buttons cannot add twice, removals can be undone (the undo bar), a date far
  ahead asks first.
"""
from __future__ import annotations

import asyncio
from datetime import date, datetime
from typing import Callable

import ipywidgets as widgets

from ...conference.room_state import STEPS, RoomState
from ...conference.session import CollisionError, ConferenceSession
from ...errors import CaseKitError, describe
from ...i18n import format_date, gettext
from ...settings import settings
from ..common import MessageLabel, esc, friendly_messages, log, store_from_environment
from ..refusals import watch_app_kernel
from ..shell import AppShell
from . import styles

SCREENS = {
    "start": ("start", "StartScreen"), "opening": ("opening", "OpeningScreen"), "story": ("story", "StoryScreen"),
    "assessment": ("assessment", "AssessmentScreen"), "network": ("network", "NetworkScreen"),
    "plan": ("plan", "PlanScreen"), "review": ("review", "ReviewScreen"), "close": ("close", "CloseScreen"),
}


class ConsoleApp(AppShell):
    steps = STEPS
    app_class = "casekit-console-app"
    first_step = "start"

    def __init__(self, store=None, *, lang: str | None = None, case_id: str | None = None,
                 conference_id: str | None = None, theme: str = "dark", layout: str = "16:9",
                 privacy: bool = False, export_dir=None, store_error: CaseKitError | None = None,
                 follow: bool = False, clock: Callable | None = None):
        self.store = store
        self.export_dir = export_dir
        self.clock = clock or datetime.now
        super().__init__(lang=lang, theme=theme, layout=layout, privacy=privacy)
        self.session = ConferenceSession(store, lang=self.lang, **({"clock": clock} if clock else {}))
        self.session.on_state.append(self._draw_state)
        self.session.on_collision.append(self.show_collision)
        self.session.on_error.append(lambda exc: self.report_error(exc))
        self.room_state: RoomState | None = None
        self._ticker = None
        self.follower = None
        self._build_console_chrome()
        if store is None:
            self.message.show(friendly_messages(store_error, self.lang) if store_error else
                              [gettext("conf.no_store", self.lang)])
        elif case_id:
            self._open_initial(case_id, conference_id)
        self._render()
        if follow and store is not None:
            self._follow()

    @classmethod
    def from_environment(cls, **kwargs) -> "ConsoleApp":
        now = settings()
        store, error = store_from_environment("conf.no_store")
        kwargs.setdefault("lang", now.lang)
        kwargs.setdefault("case_id", now.case)
        kwargs.setdefault("conference_id", now.conference)
        kwargs.setdefault("theme", now.theme)
        kwargs.setdefault("layout", now.layout)
        kwargs.setdefault("export_dir", now.export_dir)
        kwargs.setdefault("follow", True)
        app = cls(store, store_error=error, **kwargs)
        watch_app_kernel(app.report_refused_update)
        return app

    # -- chrome ----------------------------------------------------------------------------------------------
    def _build_console_chrome(self) -> None:
        self.timer_buttons = {}
        for key, sign in (("start", "▶"), ("pause", "❚❚"), ("next", "▶❚")):
            button = widgets.Button(description=sign, tooltip=gettext(f"conf.timer_{key}", self.lang))
            button.add_class("casekit-timer-button")
            button.add_class(f"casekit-timer-{key}")
            button.on_click(self.safe(lambda _b, key=key: self.timer_action(key)))
            self.timer_buttons[key] = button
        header = list(self.header.children)
        at = header.index(self.timer_slot) + 1
        self.header.children = header[:at] + list(self.timer_buttons.values()) + header[at:]

    def chrome_extras(self) -> list[widgets.Widget]:
        self.collision_message = MessageLabel()
        self.keep_mine_button = widgets.Button()
        self.keep_mine_button.add_class("casekit-keep-mine")
        self.keep_mine_button.on_click(self.safe(lambda _b: self.resolve("mine")))
        self.take_theirs_button = widgets.Button()
        self.take_theirs_button.add_class("casekit-take-theirs")
        self.take_theirs_button.on_click(self.safe(lambda _b: self.resolve("theirs")))
        self.collision_box = widgets.VBox([self.collision_message,
                                           widgets.HBox([self.keep_mine_button, self.take_theirs_button])])
        self.collision_box.add_class("casekit-conflict")
        self.collision_box.layout.display = "none"
        self.undo_text = widgets.HTML()
        self.undo_button = widgets.Button()
        self.undo_button.add_class("casekit-undo")
        self.undo_button.on_click(self.safe(lambda _b: self.undo()))
        self.undo_bar = widgets.HBox([self.undo_text, self.undo_button])
        self.undo_bar.add_class("casekit-undo-bar")
        self.undo_bar.layout.display = "none"
        self.far_text = widgets.HTML()
        self.far_button = widgets.Button()
        self.far_button.add_class("casekit-confirm-date")
        self.far_bar = widgets.HBox([self.far_text, self.far_button])
        self.far_bar.add_class("casekit-far-bar")
        self.far_bar.layout.display = "none"
        self._far_retry = None
        self.far_button.on_click(self.safe(lambda _b: self._confirm_far()))
        return [self.collision_box, self.undo_bar, self.far_bar]

    def extra_css(self, colours: dict[str, str]) -> str:
        from ..room.screens import room_css

        return styles.console_css(colours, self.layout_name) + room_css(colours, self.layout_name).replace(
            ".casekit-room-app", ".casekit-console-app .casekit-room-preview")

    def step_title(self, key: str, short: bool = False) -> str:
        if short:
            return gettext(f"console.step_short_{key}", self.lang)
        return gettext(f"conf.step_{key}", self.lang)

    def title_text(self) -> str:
        case = self.session.current if hasattr(self, "session") else None
        if case is None:
            return gettext("conf.app_title", self.lang)
        conference = self.session.conference
        when = f" · {format_date(conference.date, self.lang)}" if conference is not None else ""
        return f"{case.client.display_name}{when}"

    def can_go(self, key: str) -> bool:
        if key == "start":
            return True
        return hasattr(self, "session") and self.session.current is not None and self.session.conference is not None

    # -- screens ---------------------------------------------------------------------------------------------
    def screen(self, key: str):
        """The screen of step ``key`` (built now if it was not yet)."""
        if key not in SCREENS:
            raise CaseKitError("conf.unknown_step", step=str(key)[:40])
        if key not in self._views:
            import importlib

            module_name, class_name = SCREENS[key]
            module = importlib.import_module(f"{__package__}.{module_name}")
            self._views[key] = getattr(module, class_name)(self)  # it notes the case it is drawn from
        return self._views[key]

    view = screen  # the old app's name, kept for tests and notebooks

    def render_step(self) -> None:
        if self.store is None:
            self.show()
            return
        screen = self.screen(self.current_step)
        self.show(screen)
        if screen.drawn_from is not self.session.current:
            # another step (or device) changed the case since this step was last on screen: an actor added on
            # Network is an owner on Plan, a goal added on Plan is scored on Review
            screen.refresh()
        else:
            screen.on_show()
        screen.drawn_from = self.session.current
        self._draw_timer()

    def leave_step(self) -> None:
        try:
            self.session.flush()
        except Exception as exc:  # noqa: BLE001 - a failed save is shown, what was typed stays pending
            self.report_error(exc)
        screen = self._views.get(self.current_step)
        if screen is not None:
            screen.drawn_from = self.session.current  # what it shows now, its own changes saved

    def go(self, key: str) -> bool:
        shown = super().go(key)
        if shown and key != "start":
            self.save_room(step=key)
        return shown

    # -- case and conference ---------------------------------------------------------------------------------
    def _open_initial(self, case_id: str, conference_id: str | None) -> None:
        try:
            case = self.session.open(case_id)
        except CaseKitError as exc:
            self.message.show(friendly_messages(exc, self.lang))
            return
        chosen = conference_id if any(c.id == conference_id for c in case.conferences) else None
        if chosen is None and case.conferences:
            chosen = max(case.conferences, key=lambda c: (c.date, c.id)).id
        self.session.choose_conference(chosen)
        if chosen is not None:
            self.current_step = "opening"
            self.room_state = self.store.get_room_state(chosen)

    def open_case(self, case_id: str) -> None:
        self.session.open(case_id)
        self.session.choose_conference(None)
        self.hide_collision()
        self._forget_screens(keep=("start",))
        self._render()

    def open_conference(self, conference_id: str, *, go: str | None = "opening") -> None:
        self.session.choose_conference(conference_id)
        self.room_state = self.store.get_room_state(conference_id)
        self._forget_screens(keep=("start",))
        if self.follower is not None:
            self.follower.follow("case", self.session.current.id)
            self.follower.follow("room", conference_id)
        if go:
            self.go(go)
        else:
            self._render()

    def _forget_screens(self, keep: tuple[str, ...] = ()) -> None:
        for key in list(self._views):
            if key not in keep:
                self._views[key].close()
                del self._views[key]

    # -- the room follows --------------------------------------------------------------------------------------
    def save_room(self, **changes) -> None:
        """Save the room state of the open conference (step, timer, language, privacy, the goal whose ladder is
        open on Plan: ``plan_goal``, ``None`` when none is)."""
        conference_id, case = self.session.conference_id, self.session.current
        if self.store is None or conference_id is None or case is None:
            return
        state = self.room_state or RoomState(conference_id=conference_id, case_id=case.id)
        if state.conference_id != conference_id:
            state = RoomState(conference_id=conference_id, case_id=case.id)
        # the room always gets the console's language and layout with whatever else changed; its privacy is its
        # own (on unless the facilitator shows the room the names), not the console's switch
        revealed = {**state.revealed, "lang": self.lang, "layout": self.layout_name}
        if "room_names" in changes:
            revealed["privacy"] = not changes["room_names"]
        if "plan_goal" in changes:  # the goal whose GAS ladder is open on Plan: the room shows that ladder whole
            if changes["plan_goal"] is None:
                revealed.pop("plan_goal", None)
            else:
                revealed["plan_goal"] = changes["plan_goal"]
        state = state.model_copy(update={"case_id": case.id, "revealed": revealed})
        fields = ["case_id", "revealed"]
        if "step" in changes:
            state, fields = state.go(changes["step"]), fields + ["step"]
        if "timer" in changes:
            state, fields = state.with_timer(changes["timer"]), fields + ["timer"]
        try:
            self.room_state = self.store.save_room_state(state, fields=fields)
        except Exception as exc:  # noqa: BLE001 - the room not following is shown, never raised
            log.warning("room state not saved: %s", describe(exc))
            self.report_error(exc)

    def set_language(self, lang: str) -> None:
        super().set_language(lang)
        self.session.lang = self.lang
        self.save_room(lang=self.lang)


    def set_layout(self, name) -> None:
        super().set_layout(name)
        self.save_room(layout=self.layout_name)

    # -- the timer ---------------------------------------------------------------------------------------------
    def timer_action(self, action: str) -> None:
        conference = self.session.conference
        if conference is None or not conference.agenda:
            self.message.show([gettext("conf.timer_no_agenda", self.lang)], kind="warning")
            return
        from ...conference.room_state import Timer

        timer = self.room_state.timer if self.room_state is not None else Timer()
        count = len(conference.agenda)
        timer = {"start": timer.start, "pause": timer.pause,
                 "next": lambda: timer.next(count)}[action]()
        self.save_room(timer=timer)
        self._draw_timer()

    def _draw_timer(self) -> None:
        from ..room.screens import View, timer_html

        conference = self.session.conference if hasattr(self, "session") else None
        has_agenda = conference is not None and bool(conference.agenda)
        for button in self.timer_buttons.values():
            button.layout.display = None if has_agenda else "none"
        if not has_agenda or self.room_state is None:
            self.timer_slot.value = ""
            return
        from ...anonymise.projection import room_projection

        room = room_projection(self.session.current, privacy=self.privacy, lang=self.lang,
                               conference_id=self.session.conference_id)
        self.timer_slot.value = timer_html(room, self.room_state, View(lang=self.lang))
        running = self.room_state.timer.running
        self.timer_buttons["start"].disabled = running
        self.timer_buttons["pause"].disabled = not running
        self._schedule_tick(running)

    def _schedule_tick(self, running: bool) -> None:
        if not running or self._ticker is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return

        def tick() -> None:
            self._ticker = None
            try:
                self._draw_timer()
            except Exception as exc:  # noqa: BLE001
                log.warning("timer not drawn: %s", describe(exc))

        self._ticker = loop.call_later(1.0, tick)

    # -- following another console ---------------------------------------------------------------------------
    def _follow(self) -> None:
        from ...conference.follow import Follower

        self.follower = Follower(self.store, self._changed_elsewhere)
        if self.session.current is not None:
            self.follower.follow("case", self.session.current.id)
        if self.session.conference_id is not None:
            self.follower.follow("room", self.session.conference_id)
        self.follower.start()

    def _changed_elsewhere(self, change) -> None:
        try:
            if change.kind == "room" and change.id == self.session.conference_id:
                self.room_state = self.store.get_room_state(change.id)
                self._draw_timer()
                return
            case = self.session.current
            if change.kind != "case" or case is None or change.id != case.id:
                return
            if self.session.has_pending or change.version == self.session.saved.version:
                return  # our own save, or something typed here waits: the merge takes care of it
            self.session.reload()
            self.render_chrome()
            screen = self._views.get(self.current_step)
            if screen is not None:
                screen.refresh()
        except Exception as exc:  # noqa: BLE001 - a follower callback never fails the kernel
            log.warning("could not show another device's change: %s", describe(exc))

    def close(self) -> None:
        if self.follower is not None:
            self.follower.stop()
        super().close()

    # -- saved state, errors, collisions, undo ------------------------------------------------------------------
    def _draw_state(self, state) -> None:
        """The saved indicator, in the app's language: "Uloženo 14:03:21", "Ukládá se…", "Neuloženo – …"."""
        if state.kind == "saved":
            new = state.at is not None and state.at != getattr(self, "_drawn_save", None)
            self._drawn_save = state.at
            self.saved.saved(state.at, self.lang, new=new)
        elif state.kind == "pending":
            self.saved.pending(self.lang)
        else:  # "Not saved: … Your change is kept." — one sentence, not "Not saved – Not saved: …"
            self.saved.failed("", self.lang, sentence=state.message(self.lang)[:200])

    def report_error(self, exc: BaseException, target: MessageLabel | None = None) -> None:
        if isinstance(exc, CollisionError):
            self.show_collision(exc)
            return
        messages = friendly_messages(exc, self.lang)
        (target or self.message).show(messages)
        if target is not None and target is not self.message:
            self.message.show(messages)

    def show_collision(self, exc: CollisionError) -> None:
        self.collision_message.show(exc.messages(self.lang) + [gettext("console.collision_hint", self.lang)])
        self.keep_mine_button.description = gettext("console.keep_mine", self.lang)
        self.take_theirs_button.description = gettext("console.take_theirs", self.lang)
        self.collision_box.layout.display = None

    def hide_collision(self) -> None:
        self.collision_message.clear()
        self.collision_box.layout.display = "none"

    def resolve(self, keep: str) -> None:
        self.session.resolve(keep)
        self.hide_collision()
        self._refresh_screen()

    def offer_undo(self, label: str) -> None:
        self.undo_text.value = f"<span>{esc(gettext('console.removed', self.lang, what=label))}</span>"
        self.undo_button.description = gettext("console.undo", self.lang)
        self.undo_bar.layout.display = None

    def undo(self) -> None:
        self.session.undo()
        if self.session.last_removed is None:
            self.undo_bar.layout.display = "none"
        self._refresh_screen(rebuild=True)

    def ask_far_date(self, exc, retry: Callable[[], object], lang: str) -> None:
        self._far_retry = retry
        self.far_text.value = f"<span>{esc(' '.join(exc.messages(lang)))}</span>"
        self.far_button.description = gettext("console.confirm_date", lang)
        self.far_bar.layout.display = None

    def _confirm_far(self) -> None:
        retry, self._far_retry = self._far_retry, None
        self.far_bar.layout.display = "none"
        if retry is not None:
            retry()
            self._refresh_screen()

    def _refresh_screen(self, rebuild: bool = False) -> None:
        self.render_chrome()
        if rebuild:
            self._forget_screens(keep=("start",) if self.current_step != "start" else ())
            self.render_step()
            return
        screen = self._views.get(self.current_step)
        if screen is not None:
            screen.refresh()

    def enable_later(self, button: widgets.Button, delay: float) -> None:
        """Enable ``button`` again after ``delay`` seconds (at once without a running loop: tests, scripts)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            button.disabled = False
            return
        loop.call_later(delay, lambda: setattr(button, "disabled", False))

    # -- reading (for tests and the old app's callers) -------------------------------------------------------
    @property
    def case(self):
        return self.session.saved

    @property
    def conference(self):
        return self.session.conference

    def reload(self) -> None:
        self.session.reload()
        self.hide_collision()
        self._refresh_screen(rebuild=True)

    def new_conference(self, on: date | None = None) -> str:
        from ...conference import edits
        from ...model import new_id

        conference_id = new_id("conf")
        self.session.change(lambda case: edits.add_conference(case, on or date.today(), language=self.lang,
                                                              id=conference_id))
        return conference_id


__all__ = ["ConsoleApp"]

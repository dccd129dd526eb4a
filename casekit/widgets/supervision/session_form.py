"""View 3, Supervision session: worker, date, supervisor, cases discussed, reflection, the worker's competency
self-assessment and the actions agreed with the worker.

A session is started with "Start the session" (worker, date and supervisor chosen), which saves it; from then
on every edit is validated as a whole by the model (:class:`casekit.model.SupervisionSession`) and saved at
once in one transaction (``store.save_session``); the header's indicator says "Saved 14:03:21". A refused
edit (an empty supervisor, an agreed action due before the session, a case that is not the worker's) shows
its reason next to the field, the widget goes back to the last saved value and the store is unchanged.
Values from the browser are never trusted: the dropdowns and the case list refuse values outside their
options, dates and texts are checked by the model.

The competency self-assessment is the built-in instrument ``casekit-competency`` in a compact grid
(:class:`.competency.CompetencyGrid`: a row of level buttons per item), perspective "worker". Each accepted answer is saved as an
``Assessment`` record (``store.save_assessment``; id ``asm-<session id>-competency``) and linked from the session
(``SupervisionSession.competency_assessment_id``).

Privacy (the header's switch): the view shows no free text. The supervisor appears by initials, the reflection
and the agreed actions' texts are not shown (only how many there are, their due dates and whether they are done),
the worker by initials and the cases discussed as "Client 3", the competency by its ratings without the examples
written; nothing that would put a text on the screen can be typed (a session can still be started, for the
supervisor the app was started for, and the competency rated).

The lists (workers, their cases, earlier sessions) are read from the store each time the view is shown.

Handles: ``session_picker`` (``""`` = a new session), ``worker``, ``date``, ``supervisor`` (a text field; with
privacy on an HTML with the initials), ``start_button``, ``cases``, ``reflections`` (a text area; with privacy on an
HTML saying it is not shown), ``competency`` (the form, once a session exists), ``action_rows`` (each: ``what``,
``due``, ``done``, ``remove``; with privacy on none: ``actions_box`` holds a table), ``new_action_what``,
``new_action_due``, ``add_action_button`` (None with privacy on); messages
``header_message``, ``cases_message``, ``reflections_message``, ``competency_message``, ``actions_message``;
``current`` (the session as last saved).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date
from typing import Any, Callable

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import TextStyle

from ...anonymise import initials
from ...errors import describe
from ...i18n import format_date, gettext, parse_date
from ...model import SupervisionSession
from .. import lean
from ..checklist import CheckboxList
from ..common import MessageLabel, esc, friendly_messages, log
from .base import View, html_box, message_label
from .tables import records, table

COMPETENCY = "casekit-competency"


def _text(description: str, css: str, *, area: bool = False) -> widgets.Widget:
    cls = widgets.Textarea if area else widgets.Text
    widget = cls(description=description, continuous_update=False, layout=lean.shared_layout(),
                 style=lean.shared_style(TextStyle))
    widget.add_class(css)
    widget.add_class("casekit-field")
    return widget


def _date(description: str, css: str, lang: str) -> widgets.Text:
    """A date typed the way the language writes it (``7. 12. 2026``, ``7 Dec 2026``), whatever the browser's
    locale: a text field, not the browser's date picker (which shows mm/dd/yyyy to a Czech user)."""
    return lean.text(description, (css, "casekit-field", "casekit-date"), continuous_update=False,
                     placeholder=gettext("console.date_placeholder", lang))


class _ActionRow(widgets.HBox):
    pass


class SessionView(View):
    key = "session"

    def build(self) -> None:
        app = self.app
        self._syncing = False
        self.instrument = None
        self.competency = None
        self.competency_record = None
        self.read_lists()
        self.current: SupervisionSession | None = None
        if app.session_id:
            try:
                self.current = self.store.get_session(app.session_id)
            except Exception as exc:  # noqa: BLE001 - a session deleted meanwhile: start afresh
                log.info("supervision session %s not opened: %s", app.session_id, describe(exc))
                app.session_id = None

        # which session ----------------------------------------------------------------------------------------
        self.picker_message = message_label()
        self.session_picker = self.dropdown(self._session_options(), app.session_id or "",
                                            css="casekit-sv-session-picker", description=self.label("sv.session"),
                                            message=self.picker_message)
        self.session_picker.observe(self.safe(lambda change: self.open_session(change["new"]), self.picker_message),
                                    names="value")
        # the header of the session -----------------------------------------------------------------------------
        self.header_message = message_label("casekit-sv-header-message")
        self.worker = self.dropdown(self._worker_options(), None, css="casekit-sv-session-worker",
                                    description=self.field("worker"), message=self.header_message)
        self.date = _date(self.field("date"), "casekit-sv-session-date", self.lang)
        if self.privacy:  # the supervisor by initials, nothing to type
            self.supervisor = html_box("casekit-sv-session-supervisor")
            self.supervisor.add_class("casekit-sv-readonly")
        else:
            self.supervisor = _text(self.field("supervisor"), "casekit-sv-session-supervisor")
            self.supervisor.observe(self._on(lambda v: self.apply(lambda d: d.__setitem__("supervisor", v),
                                                                  self.header_message), self.header_message),
                                    names="value")
        self.start_button = self.button("sv.start_session", self.start, css="casekit-sv-start-session",
                                        style="primary", message=self.header_message, own_layout=True)
        self.worker.observe(self._on(self._worker_changed, self.header_message), names="value")
        self.date.observe(self._on(lambda v: self._date_changed(v), self.header_message), names="value")
        # the body --------------------------------------------------------------------------------------------
        self.cases_message = message_label()
        # checkboxes, not a multiple selection: one plain click must not drop the other cases (room.md)
        self.cases = CheckboxList(description=self.field("case_ids"), css="casekit-sv-session-cases",
                                  on_refused=lambda _v: self.cases_message.show(
                                      [self.label("conf.error_value_refused")]))
        self.cases.observe(self._on(lambda v: self.apply(lambda d: d.__setitem__("case_ids", list(v)),
                                                         self.cases_message), self.cases_message), names="value")
        self.reflections_message = message_label()
        if self.privacy:  # the reflection is the worker's own words: never on a projected screen
            self.reflections = html_box("casekit-sv-reflections",
                                        f"<p class='casekit-sv-hidden'>{esc(self.label('sv.reflections_hidden'))}</p>")
        else:
            self.reflections = _text(self.field("reflections"), "casekit-sv-reflections", area=True)
            self.reflections.observe(self._on(lambda v: self.apply(lambda d: d.__setitem__("reflections", v),
                                                                   self.reflections_message),
                                              self.reflections_message), names="value")
        self.competency_message = message_label()
        self.competency_box = lean.vbox((), "casekit-sv-competency")
        self.actions_message = message_label("casekit-sv-actions-message")
        self.actions_box = lean.vbox((), "casekit-sv-agreed-actions")
        self.action_rows: list[_ActionRow] = []
        parts = [self.cases, self.cases_message, self.reflections, self.reflections_message,
                 self.heading("sv.agreed_actions_heading"), self.actions_box]
        if self.privacy:
            self.new_action_what = self.new_action_due = self.add_action_button = None
        else:
            self.new_action_what = _text(self.label("sv.new_action"), "casekit-sv-new-action-what")
            self.new_action_due = _date(self.field("due"), "casekit-sv-new-action-due", self.lang)
            self.add_action_button = self.button("sv.add_action", self.add_action, css="casekit-sv-add-action",
                                                 message=self.actions_message)
            parts.append(lean.hbox([self.new_action_what, self.new_action_due, self.add_action_button],
                                   "casekit-sv-action-row"))
        parts += [self.actions_message, self.heading("sv.competency_heading"), self.competency_message,
                  self.competency_box]
        self.hint = html_box("casekit-sv-hint")
        self.body = widgets.VBox(parts)  # a layout of its own: hidden until the session is started
        self.body.add_class("casekit-sv-session-body")
        form = lean.vbox([self.session_picker, self.picker_message, self.worker, self.date, self.supervisor,
                          self.start_button, self.header_message, self.hint, self.body, self.message],
                         "casekit-sv-form")
        self.children = [form]
        self.show_session()
        self._read_for = app._showing

    def on_show(self) -> None:
        """Read the lists again (a worker, a case or a session added on another device) and show the session."""
        if self._read_for != self.app._showing:
            self.read_lists()
            with self.syncing():
                self.session_picker.options = self._session_options()
                self.session_picker.value = self.current.id if self.current is not None else ""
            self.show_session()
        self._read_for = None

    # -- options ---------------------------------------------------------------------------------------------
    def read_lists(self) -> None:
        """The workers and their cases from the caseload (read from the store for this showing)."""
        board = self.app.board()
        self.cases_of: dict[str, list[str]] = {}
        self.client_of: dict[str, str] = {}
        for r in records(board.cases[["case_id", "display_name", "worker"]]):
            self.cases_of.setdefault(r["worker"], []).append(r["case_id"])
            self.client_of[r["case_id"]] = self.app.client_label(r["case_id"], r["display_name"])
        self.workers = [str(w) for w in board.workers["worker"].astype(object)]

    def _session_options(self) -> list[tuple[str, str]]:
        sessions = sorted(self.store.sessions(), key=lambda s: (s.date, s.id), reverse=True)
        labels = self.app.worker_labels([s.worker for s in sessions] + self.workers, short=True)
        return [(self.label("sv.new_session"), "")] + [
            (f"{format_date(s.date, self.lang)} · {labels.get(s.worker, s.worker)}", s.id) for s in sessions]

    def _worker_options(self, extra: str | None = None) -> list[tuple[str, str]]:
        workers = list(self.workers) + ([extra] if extra and extra not in self.workers else [])
        labels = self.app.worker_labels(workers, short=True)
        return [(labels[w], w) for w in workers]

    def _case_options(self, worker: str | None) -> list[tuple[str, str]]:
        return [(self.client_of.get(c, c), c) for c in self.cases_of.get(worker or "", [])]

    def default_supervisor(self) -> str:
        return (self.app.supervisor or os.environ.get("CASEKIT_USER", "")
                or str(getattr(self.store, "user", "") or ""))[:200]

    def _show_supervisor(self, name: str) -> None:
        if self.privacy:
            self.supervisor.value = (f"<p>{esc(self.field('supervisor'))}: "
                                     f"<b>{esc(initials(name) if name.strip() else '–')}</b></p>")
        else:
            self.supervisor.value = name

    # -- syncing widgets with the saved session ---------------------------------------------------------------
    @contextmanager
    def syncing(self):
        previous, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = previous

    def _on(self, handler: Callable[[Any], None], message: MessageLabel):
        """An observer that ignores the view's own updates and never raises."""
        guarded = self.safe(lambda change: handler(change["new"]), message)

        def observer(change):
            if not self._syncing:
                guarded(change)

        return observer

    def show_session(self) -> None:
        """Show ``current`` (or a fresh draft when there is none) in every widget."""
        session = self.current
        with self.syncing():
            if session is None:
                self.worker.options = self._worker_options()
                self.worker.value = self.workers[0] if self.workers else None
                self.date.value = format_date(self.app.as_of or date.today(), self.lang)
                self._show_supervisor(self.default_supervisor())
                self.cases.options = []
                if not self.privacy:
                    self.reflections.value = ""
            else:
                self.worker.options = self._worker_options(session.worker)
                self.worker.value = session.worker
                self.date.value = format_date(session.date, self.lang)
                self._show_supervisor(session.supervisor)
                self.cases.options = self._case_options(session.worker)
                known = [c for c in session.case_ids if c in self.cases_of.get(session.worker, [])]
                self.cases.value = tuple(known)
                if not self.privacy:
                    self.reflections.value = session.reflections
        started = session is not None
        self.start_button.layout.display = "none" if started else None
        self.body.layout.display = None if started else "none"
        self.hint.value = "" if started else f"<p>{esc(self.label('sv.start_hint'))}</p>"
        if started:
            self.render_actions()
            if self.competency is None or self.competency_record is None \
                    or self.competency_record.id != self._competency_id():
                self.make_competency_form()
        else:
            self.actions_box.children = []
            self.competency_box.children = []
            self.competency = self.competency_record = None

    # -- dates ---------------------------------------------------------------------------------------------------
    def read_date(self, text: str, message: MessageLabel, *, empty_ok: bool = False):
        """The date typed in ``text``; ``None`` for an empty text when ``empty_ok``; else the reason in ``message`` and
        ``False`` (or ``None`` when a date is required)."""
        try:
            value = parse_date(text, self.lang)
        except ValueError:
            value = False
        if value is None and empty_ok:
            return None
        if value is None or value is False:
            message.show([self.label("console.date_unreadable", example=format_date(date.today(), self.lang))])
            return False if empty_ok else None
        return value

    def _date_changed(self, text: str) -> None:
        if self.current is None:  # a draft: read when the session is started
            return
        day = self.read_date(text, self.header_message)
        if day is None:
            with self.syncing():
                self.date.value = format_date(self.current.date, self.lang)
            return
        self.apply(lambda d: d.__setitem__("date", day), self.header_message)

    # -- saving ----------------------------------------------------------------------------------------------
    def apply(self, mutate: Callable[[dict], Any], message: MessageLabel | None = None) -> bool:
        """Validate the session with ``mutate`` applied and save it; on refusal say why and show the last saved
        session again. Without a started session nothing is saved (the header is a draft). Never raises."""
        if self.current is None:
            return False
        target = message or self.message
        try:
            data = self.current.model_dump()
            mutate(data)
            candidate = SupervisionSession.model_validate(data)
            saved = self.store.save_session(candidate)
        except Exception as exc:  # noqa: BLE001 - nothing may escape a callback
            log.info("supervision session change refused: %s", describe(exc))
            texts = friendly_messages(exc, self.lang)
            target.show(texts)
            self.app.saved.failed(texts[0] if texts else "", self.lang)
            try:
                self.show_session()
            except Exception:  # noqa: BLE001
                log.exception("could not show the session again")
            return False
        self.current = saved
        self.app.session_id = saved.id
        self.app.saved.saved(lang=self.lang)
        target.clear()
        return True

    def start(self) -> None:
        """Save a new session with the chosen worker, date and supervisor."""
        if self.current is not None:
            return
        worker = self.worker.value
        if worker not in self.workers:
            self.header_message.show([self.label("sv.choose_worker")], kind="warning")
            return
        try:
            supervisor = self.default_supervisor() if self.privacy else self.supervisor.value
            day = self.read_date(self.date.value, self.header_message)
            if day is None:
                return
            session = SupervisionSession(date=day, supervisor=supervisor, worker=worker)
            saved = self.store.save_session(session)
        except Exception as exc:  # noqa: BLE001
            log.info("supervision session not started: %s", describe(exc))
            self.header_message.show(friendly_messages(exc, self.lang))
            return
        self.current = saved
        self.app.session_id = saved.id
        self.app.saved.saved(lang=self.lang)
        self.header_message.clear()
        with self.syncing():
            self.session_picker.options = self._session_options()
            self.session_picker.value = saved.id
        self.show_session()

    def open_session(self, session_id) -> None:
        if session_id == (self.current.id if self.current else ""):
            return
        if session_id == "":
            self.current = None
            self.app.session_id = None
        else:
            self.current = self.store.get_session(session_id)
            self.app.session_id = session_id
        self.competency = self.competency_record = None
        self.show_session()

    def _worker_changed(self, worker) -> None:
        if self.current is None:
            return
        mine = set(self.cases_of.get(worker, []))

        def mutate(data: dict) -> None:
            data["worker"] = worker
            data["case_ids"] = [c for c in data["case_ids"] if c in mine]

        if self.apply(mutate, self.header_message):
            self.show_session()

    # -- agreed actions --------------------------------------------------------------------------------------
    def render_actions(self) -> None:
        if self.privacy:
            self.action_rows = []
            self.actions_box.children = [html_box("casekit-sv-agreed-actions-hidden", self.hidden_actions_html())]
            return
        rows = []
        for index, action in enumerate(self.current.agreed_actions):
            row = _ActionRow(layout=lean.shared_layout())
            row.add_class("casekit-sv-action-row")
            row.add_class("casekit-sv-agreed-action")
            row.what = _text(self.field("what"), "casekit-sv-action-what")
            row.due = _date(self.field("due"), "casekit-sv-action-due", self.lang)
            row.done = lean.checkbox(False, self.field("done"), "casekit-sv-action-done")
            with self.syncing():
                row.what.value, row.done.value = action.what, action.done
                row.due.value = format_date(action.due, self.lang)

            def put(name, i=index):
                def save(value) -> None:
                    if name == "due":
                        value = self.read_date(value, self.actions_message, empty_ok=True)
                        if value is False:
                            return
                    self.apply(lambda data: data["agreed_actions"][i].__setitem__(name, value), self.actions_message)
                return save

            for name in ("what", "due", "done"):
                getattr(row, name).observe(self._on(put(name), self.actions_message), names="value")
            row.remove = self.button("conf.remove", lambda i=index: self.remove_action(i),
                                     css="casekit-sv-remove-action",
                                     message=self.actions_message)
            row.children = [row.what, row.due, row.done, row.remove]
            rows.append(row)
        self.action_rows = rows
        self.actions_box.children = rows

    def hidden_actions_html(self) -> str:
        """With privacy on: the agreed actions without their texts (number, due date, done)."""
        actions = self.current.agreed_actions
        if not actions:
            return f"<p class='casekit-sv-hint'>{esc(self.label('sv.no_agreed_actions'))}</p>"
        rows = [("casekit-sv-agreed-action", [(esc(n), True), (esc(format_date(a.due, self.lang, empty="–")), True),
                                              (esc(self.label("sv.done_yes" if a.done else "sv.done_no")), False)])
                for n, a in enumerate(actions, start=1)]
        heads = [("#", True), (self.field("due"), True), (self.field("done"), False)]
        note = f"<p class='casekit-sv-hidden'>{esc(self.label('sv.actions_hidden'))}</p>"
        return note + table("casekit-sv-agreed-table", heads, rows, "")

    def add_action(self) -> None:
        what = self.new_action_what.value
        due = self.read_date(self.new_action_due.value, self.actions_message, empty_ok=True)
        if due is False:
            return
        if self.apply(lambda data: data["agreed_actions"].append({"what": what, "due": due, "done": False}),
                      self.actions_message):
            with self.syncing():
                self.new_action_what.value = ""
                self.new_action_due.value = ""
            self.render_actions()

    def remove_action(self, index: int) -> None:
        if self.apply(lambda data: data["agreed_actions"].pop(index), self.actions_message):
            self.render_actions()

    # -- the competency self-assessment ---------------------------------------------------------------------
    def _competency_id(self) -> str:
        return self.current.competency_assessment_id or f"asm-{self.current.id}-competency"[:64]

    def make_competency_form(self) -> None:
        from ...instruments import Assessment, builtin
        from .competency import CompetencyGrid

        if self.instrument is None:
            self.instrument = builtin(COMPETENCY)
        record = None
        if self.current.competency_assessment_id:
            try:
                record = self.store.get_assessment(self.current.competency_assessment_id)
            except Exception as exc:  # noqa: BLE001 - deleted meanwhile: start a new one
                log.info("competency assessment not found: %s", describe(exc))
        if record is None:
            record = Assessment.start(self.instrument, rater=self.current.worker, perspective="worker",
                                      date=self.current.date, id=self._competency_id())
        self.competency_record = record
        self.competency = CompetencyGrid(self.instrument, record, on_change=self._answered, lang=self.lang,
                                         privacy=self.privacy)
        self.competency_box.children = [self.competency]

    def _answered(self, answered) -> None:
        """``on_change`` of the form: save the record, link it from the session. Never raises."""
        try:
            candidate = answered.model_copy(update={"version": self.competency_record.version})
            saved = self.store.save_assessment(candidate, self.instrument)
            self.competency_record = saved
            self.app.saved.saved(lang=self.lang)
            self.competency_message.clear()
            if self.current.competency_assessment_id != saved.id:
                self.apply(lambda data: data.__setitem__("competency_assessment_id", saved.id), self.competency_message)
        except Exception as exc:  # noqa: BLE001 - nothing may escape a callback
            log.info("competency answer not saved: %s", describe(exc))
            self.competency_message.show(friendly_messages(exc, self.lang))
            try:
                self.make_competency_form()  # back to the last saved answers
            except Exception:  # noqa: BLE001
                log.exception("could not rebuild the competency form")

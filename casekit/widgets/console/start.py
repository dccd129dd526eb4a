"""Step 1, Start: find a case or create one; continue a conference, start a new one, or remove one (undo).

The case list is read from the store each time the step is shown and on every search (never kept from the
kernel's start: a preheated kernel started minutes ago would miss a case created since). With privacy on, no
other case is listed — a projector would show every client's pseudonym — only the open case and its
conferences.

Handles: ``search``, ``results``, ``open_button``, ``find_message``; ``new_pseudonym``, ``new_manager``,
``new_opened``, ``create_button``, ``create_message``; ``conferences``, ``continue_button``,
``new_conference_button``, ``remove_conference_button``, ``conference_message``.
"""
from __future__ import annotations

from datetime import date

import ipywidgets as widgets
from pydantic import ValidationError

from ...conference import edits
from ...errors import InvalidData
from ...i18n import format_date
from ...model import Case
from .. import lean
from ..common import GuardedSelect, MessageLabel, esc
from .base import message_label, Screen, column, panes, row


class StartScreen(Screen):
    key = "start"

    def build(self) -> None:
        self.find_message = message_label()
        self.search = self.text(self.label("conf.search"), "casekit-search", placeholder=self.label("conf.search_placeholder"))
        self.results = lean.dropdown(GuardedSelect, options=[], rows=5, description="")
        self.results.add_class("casekit-results")
        self.results.add_class("casekit-wide")
        self.results.on_refused = lambda value: self.find_message.show([self.label("conf.error_value_refused")])
        self.open_button = self.button("conf.open_case", self.open_selected, css="casekit-open-case", style="primary")
        self.search.observe(self.safe(lambda change: self.filter(change["new"])), names="value")
        find = column(self.heading("conf.find_case"), self.search, self.results, self.open_button, self.find_message)

        self.create_message = message_label()
        self.new_pseudonym = self.text(self.field("display_name"), "casekit-new-pseudonym")
        self.new_manager = self.text(self.field("case_manager"), "casekit-new-manager")
        self.new_opened = self.date_text(self.field("opened"), "casekit-new-opened")
        self.new_opened.value = self.show_date(date.today())
        self.create_button = self.button("conf.create_case", self.create_case, css="casekit-create-case")
        create = column(self.heading("conf.new_case"), self.new_pseudonym, self.new_manager, self.new_opened,
                        self.create_button, self.create_message)

        self.case_label = lean.html()
        self.case_label.add_class("casekit-open-case-label")
        self.conferences = lean.dropdown(GuardedSelect, options=[], rows=3, description="")
        self.conferences.add_class("casekit-conferences")
        self.conferences.add_class("casekit-wide")
        self.conference_message = message_label()
        self.conferences.on_refused = lambda value: self.conference_message.show([self.label("conf.error_value_refused")])
        self.continue_button = self.button("conf.continue_conference", self.continue_conference,
                                           css="casekit-continue-conference", style="primary", own_layout=True)
        self.new_conference_button = self.button("conf.new_conference", self.start_conference,
                                                 css="casekit-new-conference", own_layout=True)
        self.remove_conference_button = self.button("console.remove_conference", self.remove_conference,
                                                    css="casekit-remove-conference", own_layout=True)
        self.conference_box = column(self.heading("conf.conference"), self.case_label, self.conferences,
                                     row(self.continue_button, self.new_conference_button,
                                         self.remove_conference_button),
                                     self.conference_message)
        if self.privacy:
            note = lean.html(f"<p>{esc(self.label('console.privacy_start'))}</p>")
            note.add_class("casekit-privacy-note")
            self.children = [self.conference_box, note, self.message]
        else:
            self.children = [self.conference_box, panes(find, create), self.message]

    def on_show(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if not self.privacy:
            self.filter(self.search.value)
        self.show_conferences()

    # -- finding ---------------------------------------------------------------------------------------------
    def filter(self, query: str) -> None:
        """The cases matching ``query`` (pseudonym or id), read from the store now."""
        if self.privacy or self.session.store is None:
            return
        query = (query or "").strip().casefold()
        found = [c for c in self.session.cases()
                 if not query or query in c.display_name.casefold() or query in c.id.casefold()]
        options = [(f"{c.display_name} · {format_date(c.opened, self.lang)} · {c.id}", c.id) for c in found]
        self.results.options = options
        if len(options) == 1:
            self.results.value = options[0][1]
        self.find_message.show([] if options else [self.label("conf.no_cases_found")], kind="info")

    def open_selected(self) -> None:
        case_id = self.results.value
        if not case_id:
            self.find_message.show([self.label("conf.pick_case")], kind="warning")
            return
        self.app.open_case(case_id)
        self.find_message.clear()
        self.show_conferences()

    # -- creating --------------------------------------------------------------------------------------------
    def create_case(self) -> None:
        try:
            opened = self.read_date(self.new_opened.value) or date.today()
        except ValueError:
            self.create_message.show([self.label("console.date_unreadable",
                                                 example=self.show_date(date.today()))])
            return
        try:
            case = Case.model_validate({"client": {"display_name": self.new_pseudonym.value},
                                        "case_manager": self.new_manager.value, "opened": opened,
                                        "language": self.lang})
        except ValidationError as exc:
            self.create_message.show(InvalidData.from_validation(exc).messages(self.lang))
            return
        saved = self.session.create(case)
        self.app.open_case(saved.id)
        self.create_message.show([self.label("conf.case_created", name=saved.client.display_name)], kind="ok")
        self.new_pseudonym.value = self.new_manager.value = ""
        self.refresh()

    # -- conferences -----------------------------------------------------------------------------------------
    def show_conferences(self) -> None:
        case = self.session.current
        if case is None:
            self.case_label.value = f"<p>{esc(self.label('conf.no_case_open'))}</p>"
            self.conferences.options = []
            for button in (self.continue_button, self.new_conference_button, self.remove_conference_button):
                button.layout.display = "none"
            return
        for button in (self.continue_button, self.new_conference_button, self.remove_conference_button):
            button.layout.display = None
        self.case_label.value = (f"<p class='casekit-open-case-name'><b>{esc(case.client.display_name)}</b> · "
                                 f"{esc(case.id)}</p>")
        ordered = self.session.conferences_of(case.id) if self.session.saved is not None else []
        self.conferences.options = [(self._conference_label(c), c.id) for c in ordered]
        current = self.session.conference_id
        self.conferences.value = current if current in {c.id for c in ordered} else (ordered[0].id if ordered else None)
        self.continue_button.disabled = self.remove_conference_button.disabled = not ordered

    def _conference_label(self, conference) -> str:
        place = "" if self.privacy or not conference.place else f" · {conference.place}"
        count = len(conference.participants)
        return f"{format_date(conference.date, self.lang)}{place} · {self.label('console.people', count=count)}"

    def continue_conference(self) -> None:
        conference_id = self.conferences.value
        if not conference_id:
            self.conference_message.show([self.label("conf.pick_conference")], kind="warning")
            return
        self.app.open_conference(conference_id)

    def start_conference(self) -> None:
        if self.session.current is None:
            self.conference_message.show([self.label("conf.no_case_open")], kind="warning")
            return
        conference_id = self.app.new_conference()
        self.app.open_conference(conference_id)

    def remove_conference(self) -> None:
        conference_id = self.conferences.value
        if not conference_id:
            self.conference_message.show([self.label("conf.pick_conference")], kind="warning")
            return
        conference = next(c for c in self.session.current.conferences if c.id == conference_id)
        if self.edit(edits.remove_conference, conference_id, message=self.conference_message,
                     undo_label=self.label("console.the_conference_of", date=format_date(conference.date, self.lang))):
            if self.session.conference_id == conference_id:
                self.session.choose_conference(None)
            self.show_conferences()
            self.app.render_chrome()

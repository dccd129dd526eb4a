"""Step 1, Start: find a case (pseudonym or id) or create one; start a new conference or continue one.

Handles: ``search``, ``results``, ``open_button``; ``new_pseudonym``, ``new_manager``, ``new_opened``,
``create_button``, ``create_message``; ``conferences``, ``continue_button``, ``new_conference_button``.
"""
from __future__ import annotations

from datetime import date

import ipywidgets as widgets
from pydantic import ValidationError

from ...errors import InvalidData
from ...model import Case
from ..common import GuardedSelect, MessageLabel, esc
from .base import StepView, panes, text_input
from .i18n import fmt_date


class StartView(StepView):
    key = "start"

    def build(self) -> None:
        self._cases: list[Case] = []
        self.search = text_input(self.label("conf.search"), "casekit-search",
                                 placeholder=self.label("conf.search_placeholder"))
        self.results = GuardedSelect(options=[], rows=6, description="")
        self.results.add_class("casekit-results")
        self.results.layout.width = "100%"
        self.results.on_refused = lambda value: self.find_message.show([self.label("conf.error_value_refused")])
        self.find_message = MessageLabel()
        self.open_button = self.button("conf.open_case", self.open_selected, css="casekit-open-case",
                                       style="primary")
        self.search.observe(self.safe(lambda change: self.filter(change["new"])), names="value")
        find = widgets.VBox([self.heading("conf.find_case"), self.search, self.results, self.open_button,
                             self.find_message])

        self.new_pseudonym = text_input(self.field("display_name"), "casekit-new-pseudonym")
        self.new_manager = text_input(self.field("case_manager"), "casekit-new-manager")
        self.new_opened = widgets.DatePicker(description=self.field("opened"), value=date.today())
        self.new_opened.add_class("casekit-new-opened")
        self.new_opened.style.description_width = "initial"
        self.create_message = MessageLabel()
        self.create_button = self.button("conf.create_case", self.create_case, css="casekit-create-case")
        create = widgets.VBox([self.heading("conf.new_case"), self.new_pseudonym, self.new_manager,
                               self.new_opened, self.create_button, self.create_message])

        self.case_label = widgets.HTML()
        self.case_label.add_class("casekit-open-case-label")
        self.conferences = GuardedSelect(options=[], rows=4, description="")
        self.conferences.add_class("casekit-conferences")
        self.conferences.layout.width = "100%"
        self.conferences.on_refused = lambda value: self.conference_message.show(
            [self.label("conf.error_value_refused")])
        self.conference_message = MessageLabel()
        self.continue_button = self.button("conf.continue_conference", self.continue_conference,
                                           css="casekit-continue-conference", style="primary")
        self.new_conference_button = self.button("conf.new_conference", self.start_conference,
                                                 css="casekit-new-conference")
        self.conference_box = widgets.VBox([
            self.heading("conf.conference"), self.case_label, self.conferences,
            widgets.HBox([self.continue_button, self.new_conference_button]), self.conference_message])
        self.children = [panes(find, create), self.conference_box, self.message]
        self.reload_cases()
        self.show_conferences()

    # -- finding ---------------------------------------------------------------------------------------------
    def reload_cases(self) -> None:
        self._cases = self.session.store.cases() if self.session.store is not None else []
        self.filter(self.search.value)

    def filter(self, query: str) -> None:
        query = (query or "").strip().casefold()
        found = [c for c in self._cases
                 if not query or query in c.client.display_name.casefold() or query in c.id.casefold()]
        options = [(f"{c.client.display_name} · {c.id} · {fmt_date(c.opened, self.lang)}", c.id) for c in found]
        self.results.options = options
        self.results.value = options[0][1] if len(options) == 1 else (
            self.results.value if self.results.value in {o[1] for o in options} else None)
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
            case = Case.model_validate({
                "client": {"display_name": self.new_pseudonym.value},
                "case_manager": self.new_manager.value,
                "opened": self.new_opened.value,
                "language": self.lang,
            })
        except ValidationError as exc:
            self.create_message.show(InvalidData.from_validation(exc).messages(self.lang))
            return
        saved = self.session.create(case)
        self.app.open_case(saved.id)
        self.create_message.show([self.label("conf.case_created", name=saved.client.display_name)], kind="ok")
        self.new_pseudonym.value = self.new_manager.value = ""
        self.reload_cases()
        self.show_conferences()

    # -- conferences -----------------------------------------------------------------------------------------
    def show_conferences(self) -> None:
        case = self.session.case
        if case is None:
            self.case_label.value = f"<p>{esc(self.label('conf.no_case_open'))}</p>"
            self.conferences.options = []
            self.conference_box.layout.display = "none"
            return
        self.conference_box.layout.display = None
        self.case_label.value = (f"<p class='casekit-open-case-name'><b>{esc(case.client.display_name)}</b> · "
                                 f"{esc(case.id)}</p>")
        ordered = sorted(case.conferences, key=lambda c: (c.date, c.id), reverse=True)
        self.conferences.options = [
            (f"{fmt_date(c.date, self.lang)} · {c.place or '–'} · {c.id}", c.id) for c in ordered]
        current = self.session.conference_id
        self.conferences.value = current if current in {c.id for c in ordered} else (
            ordered[0].id if ordered else None)

    def continue_conference(self) -> None:
        conference_id = self.conferences.value
        if not conference_id:
            self.conference_message.show([self.label("conf.pick_conference")], kind="warning")
            return
        self.app.open_conference(conference_id)

    def start_conference(self) -> None:
        if self.session.case is None:
            self.conference_message.show([self.label("conf.no_case_open")], kind="warning")
            return
        conference_id = self.app.new_conference()
        self.app.open_conference(conference_id)

    def refresh(self) -> None:
        self.reload_cases()
        self.show_conferences()

"""View 1, Caseload: per worker the load against the team model's norm, per case where it stands, with filters.

Data: :func:`casekit.caseload.caseload` on the app's day (``SupervisionApp.as_of``, default today), read once
(``app.board()``). The filters (worker, phase, alert kind) are dropdowns that refuse, in Python, any value not
among their options (a hand-written client may send one); a refused value keeps the last valid filter and
says so. Choosing a case and "Case summary" drills down into it.

Handles: ``worker_filter``, ``phase_filter``, ``alert_filter`` (value ``""`` is "all"), ``worker_table``,
``case_table`` (HTML), ``count`` (HTML), ``case_choice`` (dropdown of the cases shown), ``open_button``,
``shown_case_ids`` (the cases in the table, in order), ``filter_message``.
"""
from __future__ import annotations

from ...caseload import AlertKind
from ...vocab import Phase
from ..common import MessageLabel, esc
from .base import View, html_box
from .tables import case_table, records, worker_table


class DashboardView(View):
    key = "dashboard"

    def build(self) -> None:
        app, lang = self.app, self.lang
        board = app.board()
        self.workers = [str(w) for w in board.workers["worker"].astype(object)]
        labels = app.worker_labels(self.workers)
        everyone = [(self.label("sv.all"), "")]
        self.filter_message = MessageLabel()
        self.filter_message.add_class("casekit-sv-filter-message")
        self.worker_filter = self.dropdown(everyone + [(labels[w], w) for w in self.workers], "",
                                           css="casekit-sv-filter-worker", description=self.field("worker"),
                                           message=self.filter_message)
        self.phase_filter = self.dropdown(everyone + Phase.options(lang), "", css="casekit-sv-filter-phase",
                                          description=self.label("sv.col.phase"), message=self.filter_message)
        self.alert_filter = self.dropdown(everyone + AlertKind.options(lang), "", css="casekit-sv-filter-alert",
                                          description=self.label("sv.filter_alert"), message=self.filter_message)
        for dropdown in (self.worker_filter, self.phase_filter, self.alert_filter):
            dropdown.add_class("casekit-sv-filter")
            dropdown.observe(self.safe(lambda _change: self.render_tables(), self.filter_message), names="value")
        filters = self._row([self.worker_filter, self.phase_filter, self.alert_filter], "casekit-sv-filters")
        self.count = html_box("casekit-sv-count")
        self.worker_table = html_box("casekit-sv-table")
        self.worker_table.add_class("casekit-sv-workers")
        self.case_table = html_box("casekit-sv-table")
        self.case_table.add_class("casekit-sv-cases")
        self.drill_message = MessageLabel()
        self.case_choice = self.dropdown([], None, css="casekit-sv-case-choice", description=self.label("sv.case"),
                                         message=self.drill_message)
        self.open_button = self.button("sv.open_summary", self.open_chosen, css="casekit-sv-open-case",
                                       style="primary", message=self.drill_message)
        drill = self._row([self.case_choice, self.open_button], "casekit-sv-drill")
        self.shown_case_ids: list[str] = []
        # the filters and the drill-down on top: on a projector they must be reachable without scrolling
        self.children = [filters, self.filter_message, drill, self.drill_message, self.message,
                         self.heading("sv.workers_heading"), self.worker_table,
                         self.heading("sv.cases_heading"), self.count, self.case_table]
        self.render_tables()

    @staticmethod
    def _row(children, css: str):
        import ipywidgets as widgets

        box = widgets.HBox(children)
        box.add_class(css)
        return box

    # -- filtering -------------------------------------------------------------------------------------------
    def filtered(self):
        """The dashboard narrowed by the three filters (values already checked by the dropdowns)."""
        board = self.app.board()
        worker, phase, alert = self.worker_filter.value, self.phase_filter.value, self.alert_filter.value
        return board.filter(worker=worker or None, phase=phase or None, alert=alert or None)

    def render_tables(self) -> None:
        app, lang = self.app, self.lang
        board = self.filtered()
        labels = app.worker_labels(self.workers)
        cases = records(board.cases)
        kinds: dict[str, list[str]] = {}
        for kind, case_id in zip(board.alert_table["kind"].astype(object), board.alert_table["case_id"].astype(object)):
            found = kinds.setdefault(str(case_id), [])
            if kind not in found:
                found.append(str(kind))

        def label_of(r: dict) -> tuple[str, str]:
            return app.client_label(r["case_id"], r["display_name"]), labels.get(r["worker"], r["worker"])

        self.worker_table.value = worker_table(records(app.board().workers), labels, lang)
        self.case_table.value = case_table(cases, label_of, kinds, lang)
        total = len(app.board().cases)
        self.count.value = f"<span>{esc(self.label('sv.cases_shown', shown=len(cases), total=total))}</span>"
        self.shown_case_ids = [r["case_id"] for r in cases]
        chosen = self.case_choice.value
        options = [(f"{label_of(r)[0]} · {label_of(r)[1]}", r["case_id"]) for r in cases]
        self.case_choice.options = options
        if chosen in self.shown_case_ids:
            self.case_choice.value = chosen
        elif app.case_id in self.shown_case_ids:
            self.case_choice.value = app.case_id
        elif options:
            self.case_choice.value = options[0][1]
        self.open_button.disabled = not options  # a hint only: open_chosen() checks again
        self.filter_message.clear()

    # -- drilling down ---------------------------------------------------------------------------------------
    def open_chosen(self) -> None:
        case_id = self.case_choice.value
        if case_id not in self.shown_case_ids:
            self.drill_message.show([self.label("sv.choose_case")], kind="warning")
            return
        self.drill_message.clear()
        self.app.open_case(case_id)

"""View 1, Caseload: per worker the load against the team model's norm, per case where it stands, with filters.

Data: :func:`casekit.caseload.caseload` on the app's day (``SupervisionApp.as_of``, default today), read from the
store each time the view is shown (``app.board()``) and again with "Refresh": a case saved meanwhile on another
device is listed, the filters keep what was chosen if it is still there. The filters (worker, phase, alert kind)
are dropdowns that refuse, in Python, any value not among their options (a hand-written client may send one); a
refused value keeps the last valid filter and says so. Choosing a case and "Case summary" drills down into it.

Handles: ``worker_filter``, ``phase_filter``, ``alert_filter`` (value ``""`` is "all"), ``worker_table``,
``case_table`` (HTML), ``count`` (HTML), ``case_choice`` (dropdown of the cases shown), ``open_button``,
``refresh_button``, ``shown_case_ids`` (the cases in the table, in order), ``filter_message``, ``refresh()``.
"""
from __future__ import annotations

from ...caseload import AlertKind
from ...vocab import Phase
from ..common import esc
from .base import View, allow, html_box, message_label, row
from .tables import case_table, records, worker_table


class DashboardView(View):
    key = "dashboard"

    def build(self) -> None:
        lang = self.lang
        everyone = [(self.label("sv.all"), "")]
        self.workers: list[str] = []
        self.filter_message = message_label("casekit-sv-filter-message")
        self.worker_filter = self.dropdown(everyone, "", css="casekit-sv-filter-worker",
                                           description=self.field("worker"), message=self.filter_message)
        self.phase_filter = self.dropdown(everyone + Phase.options(lang), "", css="casekit-sv-filter-phase",
                                          description=self.label("sv.col.phase"), message=self.filter_message)
        self.alert_filter = self.dropdown(everyone + AlertKind.options(lang), "", css="casekit-sv-filter-alert",
                                          description=self.label("sv.filter_alert"), message=self.filter_message)
        self._filling = False
        for dropdown in (self.worker_filter, self.phase_filter, self.alert_filter):
            dropdown.add_class("casekit-sv-filter")
            dropdown.observe(self.safe(self._filter_changed, self.filter_message), names="value")
        filters = row([self.worker_filter, self.phase_filter, self.alert_filter], "casekit-sv-filters")
        self.count = html_box("casekit-sv-count")
        self.refresh_button = self.button("sv.refresh", self.reload, css="casekit-sv-refresh")
        self.refresh_button.tooltip = self.label("sv.refresh_help")
        self.worker_table = html_box("casekit-sv-table")
        self.worker_table.add_class("casekit-sv-workers")
        self.case_table = html_box("casekit-sv-table")
        self.case_table.add_class("casekit-sv-cases")
        self.drill_message = message_label()
        self.case_choice = self.dropdown([], None, css="casekit-sv-case-choice", description=self.label("sv.case"),
                                         message=self.drill_message)
        self.open_button = self.button("sv.open_summary", self.open_chosen, css="casekit-sv-open-case",
                                       style="primary", message=self.drill_message)
        drill = row([self.case_choice, self.open_button, self.refresh_button], "casekit-sv-drill")
        self.shown_case_ids: list[str] = []
        # the filters and the drill-down on top: on a projector they must be reachable without scrolling
        self.children = [filters, self.filter_message, drill, self.drill_message, self.message,
                         self.heading("sv.workers_heading"), self.worker_table,
                         self.heading("sv.cases_heading"), self.count, self.case_table]
        self.refresh()
        self._read_for = self.app._showing

    def on_show(self) -> None:
        if self._read_for != self.app._showing:  # built for this showing: already read
            self.refresh()
        self._read_for = None

    # -- reading the store -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """"Refresh": read the store now (a case saved on another device since the view was shown)."""
        self.app.forget_data()
        self.refresh()

    def refresh(self) -> None:
        """Show the caseload as the store holds it now (``app.board()`` reads it once per showing)."""
        board = self.app.board()
        self.workers = [str(w) for w in board.workers["worker"].astype(object)]
        labels = self.app.worker_labels(self.workers, short=True)
        options = [(self.label("sv.all"), "")] + [(labels[w], w) for w in self.workers]
        chosen = self.worker_filter.value
        self._filling = True
        try:
            if list(self.worker_filter.options) != options:
                self.worker_filter.value = ""  # first: the new options are checked against the value
                self.worker_filter.options = options
            self.worker_filter.value = chosen if chosen in self.workers else ""
        finally:
            self._filling = False
        self.render_tables()

    # -- filtering -------------------------------------------------------------------------------------------
    def _filter_changed(self, _change) -> None:
        if not self._filling:
            self.render_tables()

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
        short = app.worker_labels(self.workers, short=True)
        options = [(f"{label_of(r)[0]} · {short.get(r['worker'], r['worker'])}", r["case_id"]) for r in cases]
        if list(self.case_choice.options) != options:
            self.case_choice.value = None
            self.case_choice.options = options
        if chosen in self.shown_case_ids:
            self.case_choice.value = chosen
        elif app.case_id in self.shown_case_ids:
            self.case_choice.value = app.case_id
        elif options:
            self.case_choice.value = options[0][1]
        allow(self.open_button, bool(options))  # a hint only: open_chosen() checks again
        self.filter_message.clear()

    # -- drilling down ---------------------------------------------------------------------------------------
    def open_chosen(self) -> None:
        case_id = self.case_choice.value
        if case_id not in self.shown_case_ids:
            self.drill_message.show([self.label("sv.choose_case")], kind="warning")
            return
        self.drill_message.clear()
        self.app.open_case(case_id)

"""View 2, Case summary (the dashboard's drill-down): the case's facts, needs star, ecomap and plan status.

What it shows is the room projection of the case (:func:`casekit.anonymise.room_projection`), read from the store
each time the view is shown: with privacy on exactly what a projected screen may show (people as initials, the
client by the case's pseudonym, texts masked, places, contacts and notes left out), the same rule as the room view
and the console. Without privacy the facilitator's facts are added (opened, team model, target group).

The needs star and the ecomap (as of the app's day) are drawn from the projection too (:mod:`casekit.widgets.
visuals`), when the view is shown, not when it is built. The plan: goals with their latest GAS level, and actions
with owner, due date and status; an open action past its due date is marked overdue.

Handles: ``picker`` (dropdown of every case of the caseload), ``facts``, ``star``, ``ecomap``, ``plan`` (HTML),
``room`` (the projection shown), ``rendered_for`` (the case whose charts are shown), ``show_case()``.
"""
from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from ...anonymise import room_projection
from ...i18n import format_date
from ...vocab import ActionStatus
from .. import lean
from ..common import esc
from .base import View, html_box, message_label
from .tables import records, table

OPEN_STATUSES = frozenset(s.value for s in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED))


class CaseSummaryView(View):
    key = "case"

    def build(self) -> None:
        self.picker_message = message_label()
        self.case_ids: list[str] = []
        self.picker = self.dropdown([], None, css="casekit-sv-case-picker", description=self.label("sv.case"),
                                    message=self.picker_message)
        self.picker.observe(self.safe(lambda change: self._picked(change["new"]), self.picker_message), names="value")
        self._filling = False
        self.facts = html_box("casekit-sv-facts")
        self.star = html_box("casekit-sv-star")
        self.ecomap = html_box("casekit-sv-ecomap")
        self.plan = html_box("casekit-sv-plan")
        self.room = None
        self.case = None
        self.rendered_for: str | None = None
        left = lean.vbox([self.heading("sv.star_heading"), self.star], "casekit-pane")
        right = lean.vbox([self.heading("sv.ecomap_heading"), self.ecomap], "casekit-pane")
        self.charts = widgets.Box([left, right])  # a layout of its own: hidden while no case is chosen
        self.charts.add_class("casekit-panes")
        self.children = [self.picker, self.picker_message, self.facts, self.charts,
                         self.heading("sv.plan_heading"), self.plan, self.message]
        self.fill_picker()
        self.show_case(draw=False)
        self._read_for = self.app._showing

    # -- the list of cases -----------------------------------------------------------------------------------
    def fill_picker(self) -> None:
        """The cases of the caseload (read from the store for this showing), labelled as the dashboard does."""
        app = self.app
        labels = app.worker_labels(short=True)
        rows = records(app.board().cases[["case_id", "display_name", "worker"]])
        options = [(f"{app.client_label(r['case_id'], r['display_name'])} · {labels.get(r['worker'], r['worker'])}",
                    r["case_id"]) for r in rows]
        self.case_ids = [case_id for _label, case_id in options]
        self._filling = True
        try:
            if list(self.picker.options) != options:
                self.picker.value = None
                self.picker.options = options
            self.picker.value = app.case_id if app.case_id in self.case_ids else None
        finally:
            self._filling = False

    def _picked(self, case_id) -> None:
        if self._filling or case_id is None or case_id == self.app.case_id:
            return
        self.app.open_case(case_id, go=False)

    @property
    def day(self) -> date:
        return self.app.as_of or date.today()

    # -- showing a case --------------------------------------------------------------------------------------
    def show_case(self, draw: bool = True) -> None:
        """Show the app's case (``app.case_id``) as the store holds it now: facts and plan, charts when ``draw``."""
        case_id = self.app.case_id
        if case_id is None or self.store is None:
            self.room = self.case = None
            self.facts.value = f"<p class='casekit-sv-hint'>{esc(self.label('sv.choose_case'))}</p>"
            self.charts.layout.display = "none"
            self.plan.value = ""
            return
        if case_id in self.case_ids and self.picker.value != case_id:
            self._filling = True
            try:
                self.picker.value = case_id
            finally:
                self._filling = False
        self.case = self.store.get(case_id)
        self.room = room_projection(self.case, privacy=self.privacy, lang=self.lang)
        self.charts.layout.display = None
        self.facts.value = self.facts_html()
        self.plan.value = self.plan_html()
        self.rendered_for = None
        if draw:
            self.draw_charts()

    def on_show(self) -> None:
        if self._read_for != self.app._showing:  # not built for this showing: read the store again
            self.fill_picker()
            self.show_case(draw=False)
        self._read_for = None
        if self.room is not None:
            self.draw_charts()

    def facts_html(self) -> str:
        """The case's facts: with privacy on only what the projection holds (client, worker, phase and since)."""
        room, lang = self.room, self.lang
        worker = self.app.worker_labels([self.case.case_manager], short=True).get(self.case.case_manager,
                                                                                  room.case_manager)
        since = room.phase_history[-1].date if room.phase_history else None
        phase = room.phase_label + (f" ({self.label('sv.since', date=format_date(since, lang))})" if since else "")
        rows = [(self.label("sv.col.client"), room.client.label), (self.field("worker"), worker),
                (self.label("sv.col.phase"), phase)]
        if not self.privacy:
            case = self.case
            rows += [(self.field("opened"), format_date(case.opened, lang)),
                     (self.field("team_model"), case.team_model.label(lang)),
                     (self.field("target_group"), case.target_group or "–")]
            if case.closed:
                rows.append((self.field("closed"), format_date(case.closed, lang)))
        facts = " · ".join(f"{esc(k)}: <b>{esc(v)}</b>" for k, v in rows)
        note = (f"<p class='casekit-sv-hidden'>{esc(self.label('sv.privacy_summary'))}</p>" if self.privacy else "")
        return f"<h3 class='casekit-sv-client'>{esc(room.client.label)}</h3><p>{facts}</p>{note}"

    # -- charts ----------------------------------------------------------------------------------------------
    def draw_charts(self) -> None:
        from ..visuals import ecomap_html, star_html

        width = self.app.chart_width("pane")
        self.star.value = star_html(self.room, lang=self.lang, width=width)
        self.ecomap.value = ecomap_html(self.room, self.day, lang=self.lang, width=width)
        self.rendered_for = self.room.case_id

    # -- plan ------------------------------------------------------------------------------------------------
    def plan_html(self) -> str:
        room, lang, day = self.room, self.lang, self.day
        levels: dict[str, int] = {}
        for review in sorted(room.reviews, key=lambda r: r.date):
            levels.update({s.goal_id: s.score for s in review.gas_scores})
        goal_rows = [("casekit-sv-goal", [(esc(goal.text), False),
                                          (esc(f"{levels.get(goal.id, goal.baseline):+d}"), True)])
                     for goal in room.goals]
        goals = table("casekit-sv-goals", [(self.label("sv.col.goal"), False), (self.label("sv.col.gas_level"), True)],
                      goal_rows, self.label("sv.no_goals"))

        def late(action) -> bool:
            return action.status in OPEN_STATUSES and action.due is not None and action.due < day

        action_rows = []
        for action in sorted(room.actions, key=lambda a: (a.status not in OPEN_STATUSES, a.due or date.max, a.id)):
            due = esc(format_date(action.due, lang, empty="–"))
            if late(action):
                due = f"<span class='casekit-sv-overdue'>{due} ⚠ {esc(self.label('sv.overdue'))}</span>"
            css = "casekit-sv-action" + (" casekit-sv-action-overdue" if late(action) else "")
            action_rows.append((css, [(esc(action.what), False), (esc(action.owner_label), False), (due, True),
                                      (esc(action.status_label), False)]))
        actions = table("casekit-sv-actions", [(self.field("what"), False), (self.label("sv.col.owner"), False),
                                               (self.field("due"), True), (self.field("status"), False)],
                        action_rows, self.label("sv.no_actions"))
        open_count = sum(a.status in OPEN_STATUSES for a in room.actions)
        status = self.label("sv.plan_status", goals=len(room.goals), open=open_count,
                            overdue=sum(late(a) for a in room.actions))
        return (f"<p class='casekit-sv-plan-status'>{esc(status)}</p><h4>{esc(self.label('sv.goals_heading'))}</h4>"
                f"{goals}<h4>{esc(self.label('sv.actions_heading'))}</h4>{actions}")

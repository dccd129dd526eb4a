"""View 2, Case summary (the dashboard's drill-down): the case's facts, needs star, ecomap and plan status.

The needs star is drawn from the case's needs (one series per perspective that rated them, see
:func:`.charts.star_assessments`), the ecomap as of the app's day; both through the conference app's chart
helpers, drawn when the view is shown, not when it is built. The plan: goals with their latest GAS level, and
actions with owner, due date and status; an open action past its due date is marked overdue. The privacy
switch is honoured everywhere (:mod:`.privacy`): "Client 3", "Actor 2", initials, names in free text replaced,
charts drawn with ``privacy=True``.

Handles: ``picker`` (dropdown of every case of the caseload), ``facts``, ``star``, ``ecomap``, ``plan`` (HTML),
``rendered_for`` (the case whose charts are shown), ``show_case()``.
"""
from __future__ import annotations

from datetime import date

from ...model import CASE_MANAGER_OWNER, CLIENT_OWNER
from ...vocab import ActionStatus, ConferenceRole, Perspective
from ..common import MessageLabel, esc
from ..conference.base import panes
from .base import View, html_box
from .i18n import fmt_date
from .privacy import names as names_of
from .tables import records, table

OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED)


class CaseSummaryView(View):
    key = "case"

    def build(self) -> None:
        app = self.app
        board = app.board()
        labels = app.worker_labels()
        self.picker_message = MessageLabel()
        options = [(f"{app.client_label(r['case_id'], r['display_name'])} · {labels.get(r['worker'], r['worker'])}",
                    r["case_id"]) for r in records(board.cases[["case_id", "display_name", "worker"]])]
        self.case_ids = [case_id for _label, case_id in options]
        self.picker = self.dropdown(options, app.case_id if app.case_id in self.case_ids else None,
                                    css="casekit-sv-case-picker", description=self.label("sv.case"),
                                    message=self.picker_message)
        self.picker.observe(self.safe(lambda change: self._picked(change["new"]), self.picker_message), names="value")
        self.facts = html_box("casekit-sv-facts")
        self.star = html_box("casekit-sv-star")
        self.ecomap = html_box("casekit-sv-ecomap")
        self.plan = html_box("casekit-sv-plan")
        self.rendered_for: str | None = None
        left = self._column([self.heading("sv.star_heading"), self.star])
        right = self._column([self.heading("sv.ecomap_heading"), self.ecomap])
        self.charts = panes(left, right)
        self.children = [self.picker, self.picker_message, self.facts, self.charts,
                         self.heading("sv.plan_heading"), self.plan, self.message]
        self.show_case(draw=False)

    @staticmethod
    def _column(children):
        import ipywidgets as widgets

        return widgets.VBox(children)

    def _picked(self, case_id) -> None:
        if case_id is None or case_id == self.app.case_id:
            return
        self.app.open_case(case_id, go=False)

    @property
    def day(self) -> date:
        return self.app.as_of or date.today()

    # -- showing a case --------------------------------------------------------------------------------------
    def show_case(self, draw: bool = True) -> None:
        """Show the app's case (``app.case_id``): facts and plan now, charts when ``draw``."""
        case_id = self.app.case_id
        if case_id is None or self.store is None:
            self.facts.value = f"<p class='casekit-sv-hint'>{esc(self.label('sv.choose_case'))}</p>"
            self.charts.layout.display = "none"
            self.plan.value = ""
            return
        if case_id in self.case_ids and self.picker.value != case_id:
            self.picker.value = case_id
        self.case = self.store.get(case_id)
        self.names = names_of(self.case, self.lang, self.privacy)
        self.charts.layout.display = None
        self.facts.value = self.facts_html()
        self.plan.value = self.plan_html()
        self.star.value = self.ecomap.value = ""
        self.rendered_for = None
        if draw:
            self.draw_charts()

    def on_show(self) -> None:
        if self.app.case_id is not None and self.rendered_for != self.app.case_id:
            if getattr(self, "case", None) is None or self.case.id != self.app.case_id:
                self.show_case(draw=False)
            self.draw_charts()

    def text(self, value: str) -> str:
        """Free text as shown: with privacy, known names replaced, the client's name too."""
        value = self.names.text(value)
        name = self.case.client.display_name
        if self.privacy and name and len(name) >= 2:
            value = value.replace(name, self.client())
        return value

    def client(self) -> str:
        return self.app.client_label(self.case.id, self.case.client.display_name)

    def facts_html(self) -> str:
        case, lang = self.case, self.lang
        worker = self.app.worker_labels([case.case_manager])[case.case_manager]
        rows = [(self.label("sv.col.client"), self.client()), (self.field("worker"), worker),
                (self.label("sv.col.phase"), case.phase.label(lang)), (self.field("opened"), fmt_date(case.opened, lang)),
                (self.field("team_model"), case.team_model.label(lang)),
                (self.field("target_group"), case.target_group or "–")]
        if case.closed:
            rows.append((self.field("closed"), fmt_date(case.closed, lang)))
        facts = " · ".join(f"{esc(k)}: <b>{esc(v)}</b>" for k, v in rows)
        return f"<h3 class='casekit-sv-client'>{esc(self.client())}</h3><p>{facts}</p>"

    # -- charts ----------------------------------------------------------------------------------------------
    def _series_label(self, perspective: Perspective, actor_id: str | None) -> str:
        if perspective == Perspective.ACTOR and actor_id:
            return f"{Perspective.ACTOR.label(self.lang)}: {self.names.actor(actor_id)}"
        return perspective.label(self.lang)

    def draw_charts(self) -> None:
        from ...instruments import builtin
        from ..conference.visuals import ecomap_html, needs_star_html
        from .charts import NEEDS_INSTRUMENT, star_assessments

        case, lang, dark = self.case, self.lang, self.app.theme == "dark"
        instrument = builtin(NEEDS_INSTRUMENT)
        assessments, labels = star_assessments(case, instrument, self._series_label)
        self.star.value = needs_star_html(assessments, instrument, labels, lang=lang, dark=dark,
                                          width=self.app.chart_width("pane"))
        self.ecomap.value = ecomap_html(case, self.day, lang=lang, dark=dark, privacy=self.privacy,
                                        width=self.app.chart_width("pane"))
        self.rendered_for = case.id

    # -- plan ------------------------------------------------------------------------------------------------
    def owner(self, owner_id: str) -> str:
        if owner_id == CLIENT_OWNER:
            return self.client() if not self.privacy else ConferenceRole.CLIENT.label(self.lang)
        if owner_id == CASE_MANAGER_OWNER:
            return ConferenceRole.CASE_MANAGER.label(self.lang)
        return self.names.actor(owner_id)

    def plan_html(self) -> str:
        case, lang = self.case, self.lang
        levels: dict[str, int] = {}
        for review in sorted(case.reviews, key=lambda r: r.date):
            levels.update(review.gas_scores)
        goal_rows = []
        for goal in case.goals:
            level = levels.get(goal.id, goal.baseline)
            goal_rows.append(("casekit-sv-goal", [(esc(self.text(goal.text)), False),
                                                  (esc(f"{level:+d}"), True)]))
        goals = table("casekit-sv-goals", [(self.label("sv.col.goal"), False), (self.label("sv.col.gas_level"), True)],
                      goal_rows, self.label("sv.no_goals"))
        action_rows = []
        day = self.day
        ordered = sorted(case.actions, key=lambda a: (a.status not in OPEN_STATUSES, a.due or date.max, a.id))
        for action in ordered:
            overdue = action.status in OPEN_STATUSES and action.due is not None and action.due < day
            due = esc(fmt_date(action.due, lang))
            if overdue:
                due = f"<span class='casekit-sv-overdue'>{due} ⚠ {esc(self.label('sv.overdue'))}</span>"
            css = "casekit-sv-action" + (" casekit-sv-action-overdue" if overdue else "")
            action_rows.append((css, [(esc(self.text(action.what)), False), (esc(self.owner(action.owner_id)), False),
                                      (due, True), (esc(action.status.label(lang)), False)]))
        actions = table("casekit-sv-actions", [(self.field("what"), False), (self.label("sv.col.owner"), False),
                                               (self.field("due"), True), (self.field("status"), False)],
                        action_rows, self.label("sv.no_actions"))
        open_count = sum(a.status in OPEN_STATUSES for a in case.actions)
        late = sum(a.status in OPEN_STATUSES and a.due is not None and a.due < day for a in case.actions)
        status = self.label("sv.plan_status", goals=len(case.goals), open=open_count, overdue=late)
        return (f"<p class='casekit-sv-plan-status'>{esc(status)}</p><h4>{esc(self.label('sv.goals_heading'))}</h4>"
                f"{goals}<h4>{esc(self.label('sv.actions_heading'))}</h4>{actions}")

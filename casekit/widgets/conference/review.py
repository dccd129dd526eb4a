"""Step 7, Review: the previous conference's actions and their status, GAS scores of the goals for this
review, progress over all reviews (chart).

A status changed here is written to the action and recorded as an ``ActionStatusChange`` of this
conference's ``Review`` (created on the first score or change, dated as the conference, ``conference_id``
set); GAS scores (−2..+2) go into the same review's ``gas_scores``.

Handles: ``previous`` (the previous conference or None), ``action_rows`` (each: ``action_id``,
``status``), ``gas`` ({goal_id: Dropdown}), ``notes`` (None when privacy hides it), ``progress`` (HTML with
the chart).
"""
from __future__ import annotations

import ipywidgets as widgets

from ...model import CASE_MANAGER_OWNER, CLIENT_OWNER, GAS_LEVELS, new_id
from ...vocab import ActionStatus
from ..common import GuardedDropdown, MessageLabel, esc
from .base import StepView, text_input
from .i18n import fmt_date, options
from .privacy import actor_name, hidden


class _Row(widgets.HBox):
    pass


class ReviewView(StepView):
    key = "review"

    def build(self) -> None:
        case, conference = self.case, self.conference
        here = (conference.date, conference.id)
        earlier = [c for c in case.conferences if c.id != conference.id and (c.date, c.id) < here]
        self.previous = max(earlier, key=lambda c: (c.date, c.id), default=None)
        self.actions_message = MessageLabel()
        self.gas_message = MessageLabel()
        refused_action = lambda value: self.actions_message.show([self.label("conf.error_value_refused")])  # noqa: E731
        refused_gas = lambda value: self.gas_message.show([self.label("conf.error_value_refused")])  # noqa: E731

        rows = []
        if self.previous is None:
            intro = widgets.HTML(f"<p>{esc(self.label('conf.first_conference'))}</p>")
        else:
            when = fmt_date(self.previous.date, self.lang)
            intro = widgets.HTML(f"<p>{esc(self.label('conf.previous_conference', date=when))}</p>")
            for action_id in self.previous.action_ids:
                action = case.action(action_id)
                if action is None:
                    continue
                row = _Row()
                row.add_class("casekit-row")
                row.add_class("casekit-review-action")
                row.action_id = action_id
                due = fmt_date(action.due, self.lang)
                owner = self._owner(action.owner_id)
                row.text = widgets.HTML(f"<b>{esc(action.what)}</b> · {esc(owner)} · {esc(due)}")
                row.status = GuardedDropdown(options=options(ActionStatus, self.lang), description=self.field("status"),
                                             on_refused=refused_action)
                self.bindings.bind(row.status, lambda c, aid=action_id: c.action(aid).status.value,
                                   lambda data, value, aid=action_id: self._record_status(data, aid, value),
                                   message=self.actions_message)
                row.children = [row.text, row.status]
                rows.append(row)
        self.action_rows = rows

        self.gas: dict[str, GuardedDropdown] = {}
        gas_rows = []
        for number, goal in enumerate(case.goals, start=1):
            choices = [("–", None)] + [
                (f"{v:+d} {goal.levels.get(v, '')}".strip() if v else f"0 {goal.levels.get(0, '')}".strip(), v)
                for v in GAS_LEVELS]
            dropdown = GuardedDropdown(options=choices, description=f"{number}", on_refused=refused_gas)
            dropdown.add_class("casekit-gas-score")
            dropdown.layout.width = "100%"
            self.bindings.bind(dropdown, lambda c, gid=goal.id: self._score(c, gid),
                               lambda data, value, gid=goal.id: self._set_score(data, gid, value),
                               message=self.gas_message, after=self.render_progress)
            self.gas[goal.id] = dropdown
            gas_rows.append(widgets.VBox([widgets.HTML(f"<b>{number}. {esc(goal.text)}</b>"), dropdown]))

        if self.privacy:
            self.notes = None
            notes = widgets.HTML(f"<span class='casekit-hidden-text'>{esc(self.field('notes'))}: "
                                 f"{esc(hidden(self.lang))}</span>")
        else:
            self.notes = notes = text_input(self.field("notes"), "casekit-review-notes", area=True)
            self.bindings.bind(self.notes, lambda c: (self._review(c).notes if self._review(c) else ""),
                               lambda data, value: self._review_dict(data).__setitem__("notes", value),
                               debounce=True, message=self.gas_message)
        self.progress = widgets.HTML()
        self.progress.add_class("casekit-gas-progress")
        self.children = [
            self.heading("conf.review_actions"), intro, *rows, self.actions_message,
            self.heading("conf.review_gas"), *gas_rows, notes, self.gas_message,
            self.heading("conf.review_progress"), self.progress, self.message]

    # -- model helpers ---------------------------------------------------------------------------------------
    def _owner(self, owner_id: str) -> str:
        if owner_id == CLIENT_OWNER:
            return self.label("conf.owner_client")
        if owner_id == CASE_MANAGER_OWNER:
            return self.label("conf.owner_case_manager")
        actor = self.case.actor(owner_id)
        return actor_name(actor, self.privacy) if actor else owner_id

    def _review(self, case):
        cid = self.session.conference_id
        return next((r for r in case.reviews if r.conference_id == cid), None)

    def _score(self, case, goal_id: str):
        review = self._review(case)
        return review.gas_scores.get(goal_id) if review else None

    def _review_dict(self, data: dict) -> dict:
        cid = self.session.conference_id
        for review in data["reviews"]:
            if review["conference_id"] == cid:
                return review
        conference = self.conf(data)
        review = {"id": new_id("review"), "date": conference["date"], "conference_id": cid, "gas_scores": {},
                  "action_changes": [], "notes": ""}
        data["reviews"].append(review)
        return review

    def _set_score(self, data: dict, goal_id: str, value) -> None:
        review = self._review_dict(data)
        scores = dict(review["gas_scores"])
        if value is None:
            scores.pop(goal_id, None)
        else:
            scores[goal_id] = value
        review["gas_scores"] = scores

    def _record_status(self, data: dict, action_id: str, value: str) -> None:
        status = ActionStatus(value)
        action = next(a for a in data["actions"] if a["id"] == action_id)
        action["status"] = status
        review = self._review_dict(data)
        changes = [c for c in review["action_changes"] if c["action_id"] != action_id]
        changes.append({"action_id": action_id, "status": status, "note": ""})
        review["action_changes"] = changes

    # -- chart -----------------------------------------------------------------------------------------------
    def render_progress(self) -> None:
        from ...gas import gas_tscore
        from .visuals import gas_html

        case = self.case
        review = self._review(case)
        text = ""
        if review and review.gas_scores:
            goals = {g.id: g for g in case.goals}
            ids = [g for g in review.gas_scores if g in goals]
            score = gas_tscore([review.gas_scores[g] for g in ids], [goals[g].weight for g in ids])
            if score is not None:
                text = f"<p class='casekit-tscore'>{esc(self.label('conf.tscore', score=f'{score:.1f}'))}</p>"
        self.progress.value = text + gas_html(case, lang=self.lang, dark=self.app.theme == "dark",
                                              width=self.app.chart_width("full"))

    def on_show(self) -> None:
        self.render_progress()

"""Step 7, Review: what became of the actions agreed last time, each goal's GAS score now (−2 … +2), and notes.

Scores and action states are recorded in this conference's review (one per conference, the same on every
device). The room view shows the GAS progress chart.

Handles: ``previous`` (HTML: the last conference before this one), ``action_rows`` (each: ``status``),
``score_rows`` (each: ``score``), ``notes``, ``review_message``.
"""
from __future__ import annotations

import ipywidgets as widgets

from ...conference import edits
from ...conference.edits_plan import review_id_of
from ...i18n import format_date
from ...model.plan import GAS_LEVELS
from ...vocab import ActionStatus
from .. import lean
from ..common import GuardedDropdown, GuardedToggleButtons, MessageLabel, esc
from .base import message_label, Screen, column, panes, row
from .privacy_view import privacy_screen


class ReviewScreen(Screen):
    key = "review"

    def build(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        self.review_message = message_label()
        self.previous = lean.html()
        self.actions_box = lean.vbox()
        self.scores_box = lean.vbox()
        self.notes = self.text(self.label("console.review_notes"), "casekit-review-notes", area=True)
        cid = self.conference_id
        self.bind(self.notes, lambda case: next((r.notes for r in case.reviews if r.conference_id == cid), ""),
                  lambda case, value: edits.set_review_notes(case, cid, value), debounce=True,
                  message=self.review_message)
        self.children = [self.previous,
                         panes(column(self.heading("conf.review_actions"), self.actions_box),
                               column(self.heading("conf.review_gas"), self.scores_box)),
                         self.notes, self.review_message, self.message]
        self.render()

    def _earlier(self):
        conference = self.conference
        earlier = [c for c in self.case.conferences if (c.date, c.id) < (conference.date, conference.id)]
        return max(earlier, key=lambda c: (c.date, c.id), default=None)

    def render(self) -> None:
        case, cid = self.case, self.conference_id
        earlier = self._earlier()
        self.previous.value = (f"<p>{esc(self.label('conf.first_conference'))}</p>" if earlier is None else
                               f"<p>{esc(self.label('console.since', date=format_date(earlier.date, self.lang)))}</p>")
        group: list = []
        statuses = [(s.label(self.lang), s.value) for s in ActionStatus]
        agreed = [case.action(a) for a in (earlier.action_ids if earlier else []) if case.action(a) is not None]
        rows = []
        for action in agreed:
            aid = action.id
            label = lean.html(f"{esc(action.what)} · <span class='casekit-muted'>{esc(format_date(action.due, self.lang, empty='–'))}</span>")
            label.add_class("casekit-grow")
            status = lean.dropdown(GuardedDropdown, options=statuses, value=action.status.value, description="")
            status.add_class("casekit-review-action-status")
            self.bind(status, lambda c, a=aid: c.action(a).status.value,
                      lambda c, value, a=aid: edits.record_action_status(c, cid, a, value),
                      message=self.review_message, group=group)
            line = row(label, status, css="casekit-review-action")
            line.status = status
            rows.append(line)
        self.action_rows = rows
        self.actions_box.children = rows or [lean.html(f"<p class='casekit-muted'>{esc(self.label('room.no_actions'))}</p>")]
        review = next((r for r in case.reviews if r.conference_id == cid or r.id == review_id_of(cid)), None)
        scores = []
        for goal in case.goals:
            gid = goal.id
            label = lean.html(f"<b>{esc(goal.text)}</b>")
            label.add_class("casekit-grow")
            score = lean.toggles(GuardedToggleButtons, options=[(f"{lv:+d}" if lv else "0", lv) for lv in GAS_LEVELS],
                                         value=(review.gas_scores.get(gid) if review else None))
            score.add_class("casekit-gas-score")
            self.bind(score, lambda c, g=gid: next((r.gas_scores.get(g) for r in c.reviews if r.conference_id == cid), None),
                      lambda c, value, g=gid: edits.set_gas_score(c, cid, g, value),
                      message=self.review_message, group=group)
            line = row(label, score, css="casekit-review-goal")
            line.score = score
            scores.append(line)
        self.score_rows = scores
        self.scores_box.children = scores or [lean.html(f"<p class='casekit-muted'>{esc(self.label('room.no_goals'))}</p>")]

    def refresh(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        self.render()
        super().refresh()

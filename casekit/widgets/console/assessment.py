"""Step 4, Assessment: each perspective rates each life domain in one grid (:class:`.needs_grid.NeedsGrid`).

Choose who rates (the client, the worker, or an actor of the network), then click a status and a severity per
row: every click is saved at once as that perspective's ``casekit-needs`` assessment for this conference and
reflected into the case's needs, both in one transaction (``save_with_assessment``). Rows where the
perspectives' views differ are marked ⚠. The room view shows the star and the grid of all perspectives.

With privacy on the grid still works (it holds no names); an actor is shown by the label the room sees.

Handles: ``perspective``, ``actor``, ``grid`` (``grid.rows[domain]`` → label, status, severity), ``help_toggle``,
``count``, ``form_message``, ``assessment`` (the shown rater's record).
"""
from __future__ import annotations

import ipywidgets as widgets

from ...conference.edits_base import apply
from ...conference.needs import INSTRUMENT_ID, answers_from_case, assessment_id, reflect
from ...errors import CaseKitError
from ...i18n import ngettext
from ...vocab import Perspective
from .. import lean
from ..common import GuardedDropdown, GuardedToggleButtons, MessageLabel, esc, log_failure
from .base import message_label, Screen, row, set_options
from .needs_grid import NeedsGrid


class AssessmentScreen(Screen):
    key = "assessment"

    def build(self) -> None:
        from ...instruments import builtin

        self.instrument = builtin(INSTRUMENT_ID)
        self.form_message = message_label()
        self.perspective = lean.toggles(GuardedToggleButtons, options=[(p.label(self.lang), p.value) for p in (Perspective.CLIENT, Perspective.WORKER, Perspective.ACTOR)],
            value=Perspective.CLIENT.value)
        self.perspective.add_class("casekit-perspective")
        self.actor = lean.dropdown(GuardedDropdown, options=self._actor_options(), value=None, description="",
                                   own_layout=True)
        self.actor.add_class("casekit-rating-actor")
        refused = lambda _v: self.form_message.show([self.label("conf.error_value_refused")])  # noqa: E731
        self.perspective.on_refused = self.actor.on_refused = refused
        self.perspective.observe(self.safe(lambda change: self.show_rater()), names="value")
        self.actor.observe(self.safe(lambda change: self.show_rater()), names="value")
        self.help_toggle = lean.toggle(False, self.label("console.help"))
        self.help_toggle.add_class("casekit-help-toggle")
        self.help_toggle.observe(self.safe(lambda change: self.grid.set_help(change["new"], self._differ())),
                                 names="value")
        self.count = lean.html()
        self.count.add_class("casekit-unmet-count")
        self.grid = NeedsGrid(self.instrument, self.lang, self._rated, on_refused=lambda: refused(None))
        top = row(self.perspective, self.actor, self.help_toggle, self.count, css="casekit-perspective-row")
        self.children = [top, self.form_message, self.grid, self.message]
        self._known: dict | None = None
        self.assessment = None
        self.show_rater()

    # -- raters ----------------------------------------------------------------------------------------------
    def _actor_options(self) -> list[tuple[str, str]]:
        if self.privacy:
            from ...anonymise.projection import room_projection

            room = room_projection(self.case, privacy=True, lang=self.lang, conference_id=self.conference_id)
            return [(a.label, a.id) for a in room.actors]
        return [(a.name, a.id) for a in self.case.actors]

    def _rater(self) -> tuple[Perspective, str | None, str]:
        perspective = Perspective(self.perspective.value)
        case = self.case
        if perspective == Perspective.ACTOR:
            actor = case.actor(self.actor.value) if self.actor.value else None
            if actor is None:
                raise CaseKitError("conf.pick_actor")
            return perspective, actor.id, actor.name
        if perspective == Perspective.CLIENT:
            return perspective, None, case.client.display_name
        return perspective, None, case.case_manager

    def _stored(self, fresh: bool = False) -> dict:
        """This case's needs assessments, by id: read when the step is shown, kept up to date by this screen."""
        if fresh or self._known is None:
            found = self.session.store.assessments(case_id=self.session.saved.id, instrument_id=INSTRUMENT_ID)
            self._known = {a.id: a for a in found}
        return self._known

    def show_rater(self) -> None:
        from ...instruments import Assessment

        self.actor.layout.display = None if self.perspective.value == Perspective.ACTOR.value else "none"
        self.form_message.clear()
        try:
            perspective, actor_id, rater = self._rater()
        except CaseKitError as exc:
            self.form_message.show(exc.messages(self.lang), kind="info")
            self.grid.layout.display = "none"
            self.assessment = None
            return
        self.grid.layout.display = None
        wanted = assessment_id(self.conference_id, perspective, actor_id)
        self.assessment = self._stored().get(wanted) or Assessment.start(
            self.instrument, rater=rater, perspective=perspective, date=self.conference.date,
            case_id=self.session.saved.id, actor_id=actor_id, id=wanted,
            answers=answers_from_case(self.case, perspective, actor_id))  # what the case says so far
        self.grid.show(self.assessment.answers)
        self._draw_marks()

    # -- saving ----------------------------------------------------------------------------------------------
    def _rated(self, domain: str, status: int | None, severity: int | None) -> bool:
        """A click in the grid: the rater's answers with this row changed, saved with the case (both or neither)."""
        previous = self.assessment
        if previous is None:
            return False
        answers = dict(previous.answers)
        for item, value in ((f"{domain}_status", status), (f"{domain}_severity", severity)):
            if value is None:
                answers.pop(item, None)
            else:
                answers[item] = value
        try:
            candidate = previous.model_copy(update={"answers": answers})
            candidate = type(previous).model_validate(candidate.model_dump())

            def edit(case):
                return apply(case, lambda data: reflect(data, candidate.answers, candidate.perspective,
                                                        candidate.actor_id, previous.answers),
                             fields=("needs",))

            saved = self.session.save_with_assessment(edit, candidate, self.instrument)
        except Exception as exc:  # noqa: BLE001 - a refused rating: say why, show the stored one
            log_failure(exc, "rating")
            self.app.report_error(exc, self.form_message)
            self.grid.show(previous.answers)
            return False
        self.assessment = self._stored()[saved.id] = saved
        self.form_message.clear()
        self._draw_marks()
        return True

    # -- marks -----------------------------------------------------------------------------------------------
    def _differ(self) -> set[str]:
        from ...anonymise.projection import views_differ

        return {need.domain.value for need in self.case.needs if views_differ(need)}

    def _draw_marks(self) -> None:
        self.grid.relabel(self.lang, self._differ())
        unmet = sum(1 for need in self.case.needs if need.is_unmet())
        self.count.value = f"<b>{esc(ngettext('ui.unmet_needs', unmet, self.lang))}</b>"

    def on_show(self) -> None:
        self._stored(fresh=True)
        self.show_rater()

    def refresh(self) -> None:
        self._stored(fresh=True)
        set_options(self.actor, self._actor_options())
        self.show_rater()

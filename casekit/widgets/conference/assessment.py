"""Step 4, Assessment: the needs instrument per perspective, a live needs star, perspectives side by side.

Each perspective (client, worker, another actor of the network) fills the ``casekit-needs`` form
(:class:`casekit.widgets.form.InstrumentForm`). Each accepted answer is saved as that perspective's
``Assessment`` record for this conference (``store.save_assessment``; id ``asm-<conference>-<perspective>``)
and reflected into the case's needs (see :mod:`.needs_mapping`), then the star and the comparison table are
drawn again. Disagreements between perspectives (different known statuses, or severities two or more
apart) are highlighted (``tr.casekit-disagree``).

The assessment record and the case are saved in one transaction (``store.save_assessment_with_case``): both or
neither. If the case cannot be saved (a conflict), the answer is not kept and the form shows the last saved
answers; the case is reloaded on request.

Handles: ``perspective`` (client | worker | actor), ``actor`` (an actor id), ``form`` (the
InstrumentForm; ``form.widget_for(item_id)``), ``star`` (HTML with the SVG), ``comparison`` (HTML table),
``assessment`` (the saved record of the shown perspective).
"""
from __future__ import annotations

import ipywidgets as widgets

from ...errors import CaseKitError
from ...vocab import LifeDomain, NeedStatus, Perspective
from ..common import GuardedDropdown, GuardedToggleButtons, MessageLabel, esc, log, log_failure
from .base import StepView, panes
from .i18n import options
from .needs_mapping import INSTRUMENT_ID, assessment_id, reflect
from .privacy import actor_name


def views_differ(need) -> bool:
    try:
        from ...minutes import views_differ as differ
    except ImportError:  # pragma: no cover - the minutes package is part of casekit
        statuses = {r.status for r in need.ratings if r.status != NeedStatus.UNKNOWN}
        return len(statuses) > 1
    return differ(need)


class AssessmentView(StepView):
    key = "assessment"

    def build(self) -> None:
        from ...instruments import builtin

        self.instrument = builtin(INSTRUMENT_ID)
        self.assessment = None
        self.form = None
        self.form_message = MessageLabel()
        actors = self.case.actors if self.case else []
        self.perspective = GuardedToggleButtons(options=options(Perspective, self.lang),
                                                value=Perspective.CLIENT.value)
        self.perspective.add_class("casekit-perspective")
        self.actor = GuardedDropdown(options=[(actor_name(a, self.privacy), a.id) for a in actors], value=None,
                                     description=self.field("actor_id"))
        self.actor.add_class("casekit-rating-actor")
        refused = lambda value: self.form_message.show([self.label("conf.error_value_refused")])  # noqa: E731
        self.perspective.on_refused = self.actor.on_refused = refused
        self.perspective.observe(self.safe(lambda change: self.show_perspective()), names="value")
        self.actor.observe(self.safe(lambda change: self.show_perspective()), names="value")
        self.form_box = widgets.VBox()
        self.form_box.add_class("casekit-form")
        self.star = widgets.HTML()
        self.star.add_class("casekit-star")
        self.comparison = widgets.HTML()
        self.comparison.add_class("casekit-comparison")
        left = widgets.VBox([self.perspective, self.actor, self.form_message, self.form_box])
        right = widgets.VBox([self.heading("conf.star_heading"), self.star,
                              self.heading("conf.comparison_heading"), self.comparison])
        columns = panes(left, right)
        columns.add_class("casekit-panes-chart")  # in 16:9 the star's pane is the wider one
        self.children = [columns, self.message]
        self._rendered = False
        self._known: dict | None = None
        self.show_perspective()

    # -- perspectives ----------------------------------------------------------------------------------------
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
        """This case's needs assessments in the store, by id: read once per showing of the step (``fresh``) and
        kept up to date by this view's own saves, so that a rating does not read them all back."""
        if fresh or self._known is None:
            store, case = self.session.store, self.session.case
            found = store.assessments(case_id=case.id, instrument_id=INSTRUMENT_ID)
            self._known = {a.id: a for a in found}
        return self._known

    def show_perspective(self) -> None:
        from ...instruments import Assessment

        self.actor.layout.display = None if self.perspective.value == Perspective.ACTOR.value else "none"
        self.form_message.clear()
        try:
            perspective, actor_id, rater = self._rater()
        except CaseKitError as exc:
            self.form_message.show(exc.messages(self.lang), kind="info")
            self.form_box.children = []
            self.form = self.assessment = None
            return
        conference = self.conference
        wanted = assessment_id(conference.id, perspective, actor_id)
        stored = self._stored().get(wanted)
        self.assessment = stored or Assessment.start(
            self.instrument, rater=rater, perspective=perspective, date=conference.date,
            case_id=self.session.case.id, actor_id=actor_id, id=wanted)
        self._make_form()

    def _make_form(self) -> None:
        from ..form import InstrumentForm

        self.form = InstrumentForm(self.instrument, self.assessment, on_change=self._answered, lang=self.lang)
        self.form.add_class("casekit-instrument-form")
        self.form_box.children = [self.form]

    # -- saving ----------------------------------------------------------------------------------------------
    def _answered(self, answered) -> None:
        """``on_change`` of the form: save the record, reflect it into the case, draw again. Never raises."""
        try:
            self._save(answered)
        except Exception as exc:  # noqa: BLE001 - nothing may escape a callback
            log_failure(exc, "assessment answer")
            self.report_error(exc, self.form_message)
            try:
                self._make_form()  # back to the last saved answers
                self._stored(fresh=True)
                self.render_charts()  # and the star of what the store holds
            except Exception:  # noqa: BLE001
                log.exception("could not rebuild the form")

    def _save(self, answered) -> None:
        previous = self.assessment
        candidate = answered.model_copy(update={"version": previous.version})
        # the answer reflected into the case, validated: a case that would be refused gets no new record either
        reflected = self.session.validate(lambda data: reflect(data, candidate.answers, candidate.perspective,
                                                              candidate.actor_id, previous.answers))
        # the star of the answer being saved goes to the browser first: it is drawn there while the store
        # commits (a failed save draws the stored star again, see _answered)
        self.draw_star({**self._stored(), candidate.id: candidate})
        saved = self.session.save_with_assessment(reflected, candidate, self.instrument)
        self.assessment = self._stored()[saved.id] = saved
        self.form_message.clear()
        if self.message.kind == "error":
            self.message.clear()
        self.comparison.value = self.comparison_html()
        self._rendered = True

    # -- charts and comparison -------------------------------------------------------------------------------
    def _series_labels(self, assessments) -> dict[str, str]:
        labels = {}
        case = self.case
        for a in assessments:
            if a.perspective == Perspective.ACTOR:
                actor = case.actor(a.actor_id) if a.actor_id else None
                name = actor_name(actor, self.privacy) if actor else a.actor_id
                labels[f"actor:{a.actor_id}"] = f"{Perspective.ACTOR.label(self.lang)}: {name}"
            else:
                labels[a.perspective.value] = a.perspective.label(self.lang)
        return labels

    def render_charts(self) -> None:
        self.draw_star(self._stored())
        self.comparison.value = self.comparison_html()
        self._rendered = True

    def draw_star(self, assessments: dict) -> None:
        """The needs star of this conference's assessments among ``assessments`` (by id)."""
        from .visuals import needs_star_html

        conference_id = self.session.conference_id
        mine = sorted((a for a in assessments.values() if a.id.startswith(f"asm-{conference_id}-")
                       or a.date == self.conference.date), key=lambda a: (a.date, a.id))  # as the store lists them
        self.star.value = needs_star_html(mine, self.instrument, self._series_labels(mine), lang=self.lang,
                                          dark=self.app.theme == "dark", width=self.app.chart_width("wide"))

    def comparison_html(self) -> str:
        case = self.case
        raters: list[tuple[str, str]] = []
        for need in case.needs:
            for rating in need.ratings:
                key = rating.rater_key
                if key not in {k for k, _ in raters}:
                    if rating.perspective == Perspective.ACTOR:
                        actor = case.actor(rating.actor_id)
                        name = actor_name(actor, self.privacy) if actor else rating.actor_id
                        raters.append((key, name))
                    else:
                        raters.append((key, rating.perspective.label(self.lang)))
        order = {"client": 0, "worker": 1}
        raters.sort(key=lambda r: order.get(r[0], 2))
        if not raters:
            return f"<p>{esc(self.label('conf.no_ratings'))}</p>"
        head = "".join(f"<th>{esc(name)}</th>" for _, name in raters)
        rows = []
        domain_order = {d: i for i, d in enumerate(LifeDomain)}
        for need in sorted(case.needs, key=lambda n: domain_order[n.domain]):
            cells = []
            by_key = {r.rater_key: r for r in need.ratings}
            for key, _ in raters:
                rating = by_key.get(key)
                if rating is None:
                    cells.append("<td>–</td>")
                    continue
                text = rating.status.label(self.lang)
                if rating.severity is not None:
                    text += f" ({rating.severity})"
                cells.append(f"<td class='casekit-status-{rating.status.value}'>{esc(text)}</td>")
            differ = views_differ(need)
            css = " class='casekit-disagree'" if differ else ""
            flag = f" ⚠ {esc(self.label('conf.disagree'))}" if differ else ""
            rows.append(f"<tr{css}><th>{esc(need.domain.label(self.lang))}{flag}</th>{''.join(cells)}</tr>")
        return (f"<table class='casekit-table casekit-comparison-table'><thead><tr>"
                f"<th>{esc(self.field('domain'))}</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")

    def on_show(self) -> None:
        # shown again: another device may have rated meanwhile (just built: build() has read them)
        self._stored(fresh=self._rendered)
        self.render_charts()

    def refresh(self) -> None:
        super().refresh()
        self._stored(fresh=True)
        self.show_perspective()
        self.render_charts()

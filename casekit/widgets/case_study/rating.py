"""The rating exercise of the assessment stage: trainees rate the needs, then the reference is revealed.

:class:`RatingState` is what the exercise knows (kept by the app across stages and language switches; never
saved anywhere): the raters' names, one ``casekit-needs`` :class:`~casekit.instruments.Assessment` per rater
and perspective, the perspective being rated (the client's or the worker's view) and whether the reference
has been revealed.

:class:`RatingPanel` shows it: the perspective, "Add a rater" (a name, checked in Python: not empty, at most
:data:`NAME_MAX` characters, no control characters, not twice, at most :data:`MAX_RATERS` raters), a rater
picker and that rater's :class:`~casekit.widgets.form.InstrumentForm` (the status items of the life domains
the pack's reference covers; the form validates every answer), the "Reveal the reference" button and, once
revealed, the comparison table, the agreement per trainee (weighted kappa, :mod:`.compare`), the largest
disagreements and, on request, a needs star (reference vs. the trainees' mean). Before the reveal no widget
holds anything of the reference.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ...errors import CaseKitError
from ...vocab import Perspective
from ..common import GuardedToggleButtons, MessageLabel, esc, log
from . import compare, render
from .render import t

if TYPE_CHECKING:  # pragma: no cover
    from .app import CaseStudyApp

NAME_MAX = 100
MAX_RATERS = 40


@dataclass
class RatingState:
    raters: list[str] = field(default_factory=list)
    assessments: dict = field(default_factory=dict)  # (rater, perspective code) -> Assessment
    perspective: str = Perspective.CLIENT.value
    revealed: bool = False
    rater: str | None = None  # whose form is shown


def check_rater_name(value, existing: list[str]) -> str:
    """The cleaned name, or :class:`CaseKitError` with the reason (a value from the browser: anything)."""
    if not isinstance(value, str):
        raise CaseKitError("study_app.rater_empty")
    name = " ".join(value.split())
    if not name:
        raise CaseKitError("study_app.rater_empty")
    if len(name) > NAME_MAX:
        raise CaseKitError("study_app.rater_too_long", max=NAME_MAX)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in name):
        raise CaseKitError("study_app.rater_invalid")
    if name.casefold() in {r.casefold() for r in existing}:
        raise CaseKitError("study_app.rater_duplicate", name=name)
    if len(existing) >= MAX_RATERS:
        raise CaseKitError("study_app.rater_too_many", max=MAX_RATERS)
    return name


def _button(description: str, css: str, style: str = "") -> widgets.Button:
    button = widgets.Button(description=description, tooltip=description, button_style=style)
    button.add_class("casekit-button")
    button.add_class(css)
    button.layout.width = "auto"
    return button


class RatingPanel(widgets.VBox):
    """The exercise's widgets (see the module docs). Handles: ``perspective_toggle``, ``rater_name``,
    ``add_button``, ``rater_message``, ``rater_picker``, ``form`` (the shown InstrumentForm or None),
    ``reveal_button``, ``comparison``, ``agreement``, ``disagreements``, ``star_button``, ``star``,
    ``results`` (rater -> AgreementResult, after the reveal)."""

    def __init__(self, app: "CaseStudyApp"):
        super().__init__()
        from ...instruments import builtin

        self.app = app
        self.lang = app.lang
        self.state: RatingState = app.exercise
        self.study = app.study
        self.domains = compare.rated_domains(self.study)
        self.domain_codes = [d.value for d in self.domains]
        self.instrument = compare.status_instrument(builtin(compare.INSTRUMENT_ID), self.domains)
        self._forms: dict = {}
        self._syncing = False
        self.form = None
        self.results: dict = {}
        self.add_class("casekit-rating")
        self._build()
        self.show_form()
        if self.state.revealed:
            self.render_comparison()

    # -- construction ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self.lang
        self.heading = widgets.HTML(f"<h3>{esc(t('study_app.rating_heading', lang))}</h3>")
        self.help = widgets.HTML(f"<p class='casekit-hint'>{esc(t('study_app.rating_help', lang))}</p>")
        self.perspective_toggle = GuardedToggleButtons(
            options=[(p.label(lang), p.value) for p in compare.PERSPECTIVES], value=self.state.perspective,
            description=t("study_app.perspective", lang), style={"description_width": "initial"})
        self.perspective_toggle.add_class("casekit-study-perspective")
        self.rater_name = widgets.Text(placeholder=t("study_app.rater_placeholder", lang),
                                       description=t("study_app.rater_name", lang),
                                       style={"description_width": "initial"}, continuous_update=True)
        self.rater_name.add_class("casekit-rater-name")
        self.rater_name.add_class("casekit-field")
        self.add_button = _button(t("study_app.add_rater", lang), "casekit-add-rater")
        self.rater_message = MessageLabel()
        self.rater_message.add_class("casekit-rater-message")
        self.rater_picker = GuardedToggleButtons(options=[(r, r) for r in self.state.raters],
                                                 value=self.state.rater if self.state.rater in self.state.raters
                                                 else None,
                                                 description=t("study_app.rater", lang),
                                                 style={"description_width": "initial"})
        self.rater_picker.add_class("casekit-rater-picker")
        refused = lambda value: self.rater_message.show([t("conf.error_value_refused", self.lang)])  # noqa: E731
        self.perspective_toggle.on_refused = self.rater_picker.on_refused = refused
        self.form_box = widgets.VBox()
        self.form_box.add_class("casekit-form")
        self.form_box.add_class("casekit-study-form")
        self.reveal_button = _button(t("study_app.reveal", lang), "casekit-reveal", "warning")
        self.reveal_status = MessageLabel()
        self.reveal_status.add_class("casekit-reveal-status")
        self.comparison = widgets.HTML()
        self.comparison.add_class("casekit-comparison")
        self.agreement = widgets.HTML()
        self.agreement.add_class("casekit-agreement")
        self.disagreements = widgets.HTML()
        self.disagreements.add_class("casekit-disagreements")
        self.star_button = _button(t("study_app.star_button", lang), "casekit-study-star")
        self.star = widgets.HTML()
        self.star.add_class("casekit-star")
        self.results_box = widgets.VBox([self.comparison, self.agreement, self.disagreements, self.star_button,
                                         self.star])
        self.results_box.add_class("casekit-study-results")

        safe = self.app.safe
        self.perspective_toggle.observe(safe(lambda change: self.set_perspective(change["new"])), names="value")
        self.rater_picker.observe(safe(lambda change: self.choose_rater(change["new"])), names="value")
        self.add_button.on_click(safe(lambda _b: self.add_rater(self.rater_name.value)))
        self.reveal_button.on_click(safe(lambda _b: self.reveal()))
        self.star_button.on_click(safe(lambda _b: self.draw_star()))

        rater_row = widgets.HBox([self.rater_name, self.add_button])
        rater_row.add_class("casekit-rater-row")
        left = widgets.VBox([self.perspective_toggle, rater_row, self.rater_message, self.rater_picker,
                             self.form_box])
        right = widgets.VBox([self.reveal_button, self.reveal_status, self.results_box])
        for pane in (left, right):
            pane.add_class("casekit-pane")
        columns = widgets.Box([left, right])
        columns.add_class("casekit-panes")
        self.children = [self.heading, self.help, columns]
        self._show_hidden_reference()

    # -- raters and forms ------------------------------------------------------------------------------------
    def add_rater(self, value) -> bool:
        """Add a trainee by name (checked here, whatever the browser sent); shows their form. Returns success."""
        try:
            name = check_rater_name(value, self.state.raters)
        except CaseKitError as exc:
            log.info("rater name refused: %s", exc.code)
            self.rater_message.show(exc.messages(self.lang))
            return False
        self.state.raters.append(name)
        self.rater_message.show([t("study_app.rater_added", self.lang, name=name)], kind="ok")
        self.rater_name.value = ""
        self.state.rater = name
        self._sync_picker()
        self.show_form()
        if self.state.revealed:
            self.render_comparison()
        return True

    def _sync_picker(self) -> None:
        # not inside hold_trait_notifications: the new value is checked against the options already set
        self._syncing = True
        try:
            self.rater_picker.options = [(r, r) for r in self.state.raters]
            self.rater_picker.value = self.state.rater if self.state.rater in self.state.raters else None
        finally:
            self._syncing = False

    def choose_rater(self, name) -> None:
        if self._syncing or name is None or name == self.state.rater:
            return
        if name not in self.state.raters:  # the guard already refused values outside the options
            self.rater_message.show([t("conf.error_value_refused", self.lang)])
            return
        self.state.rater = name
        self.show_form()

    def set_perspective(self, code) -> None:
        if code not in {p.value for p in compare.PERSPECTIVES}:
            self.perspective_toggle.value = self.state.perspective
            raise CaseKitError("conf.error_value_refused")
        if code == self.state.perspective:
            return
        self.state.perspective = code
        self.star.value = ""
        self.show_form()
        if self.state.revealed:
            self.render_comparison()

    def assessment_of(self, rater: str, perspective: str | None = None):
        """The rater's assessment from ``perspective`` (default: the one being rated); created empty."""
        from ...instruments import Assessment

        perspective = perspective or self.state.perspective
        key = (rater, perspective)
        if key not in self.state.assessments:
            self.state.assessments[key] = Assessment.start(self.instrument, rater=rater, perspective=perspective)
        return self.state.assessments[key]

    def form_for(self, rater: str):
        """The InstrumentForm of ``rater`` for the perspective being rated (built when first needed)."""
        from ..form import InstrumentForm

        perspective = self.state.perspective
        key = (rater, perspective)
        if key not in self._forms:
            def changed(assessment, key=key):
                self._answered(key, assessment)

            self._forms[key] = InstrumentForm(self.instrument, self.assessment_of(rater, perspective),
                                              on_change=changed, lang=self.lang)
            self._forms[key].add_class("casekit-study-rater-form")
        return self._forms[key]

    def show_form(self) -> None:
        rater = self.state.rater
        if rater is None or rater not in self.state.raters:
            self.form = None
            self.form_box.children = [widgets.HTML(
                f"<p class='casekit-hint'>{esc(t('study_app.no_raters', self.lang))}</p>")]
            return
        self.form = self.form_for(rater)
        self.form_box.children = [self.form]

    def _answered(self, key, assessment) -> None:
        """A form accepted an answer (already validated by the form): keep it, update the comparison."""
        try:
            self.state.assessments[key] = assessment
            if self.state.revealed:
                self.render_comparison()
        except Exception as exc:  # noqa: BLE001 - never let a form's callback fail
            log.exception("updating the comparison failed")
            self.app.report_error(exc)

    # -- the reference ---------------------------------------------------------------------------------------
    def trainee_codes(self, perspective: str | None = None) -> dict[str, dict[str, int | None]]:
        """``{rater: {domain: status code}}`` of every rater from ``perspective`` (default: the one rated)."""
        perspective = perspective or self.state.perspective
        out = {}
        for rater in self.state.raters:
            assessment = self.state.assessments.get((rater, perspective))
            answers = assessment.answers if assessment is not None else {}
            out[rater] = compare.trainee_codes(answers, self.domains)
        return out

    def reference_codes(self, perspective: str | None = None) -> dict[str, int | None]:
        return compare.reference_codes(self.study, perspective or self.state.perspective, self.domains)

    def reveal(self) -> None:
        """Show the reference and the comparison (the trainer's decision; it stays revealed)."""
        self.state.revealed = True
        self.render_comparison()
        self.reveal_status.show([t("study_app.revealed", self.lang)], kind="ok")

    def render_comparison(self) -> None:
        if not self.state.revealed:
            self._show_hidden_reference()
            return
        lang, perspective = self.lang, self.state.perspective
        reference = self.reference_codes()
        ratings = {d.value: compare.reference_rating(self.study, perspective, d) for d in self.domains}
        trainees = self.trainee_codes()
        rated = {name: codes for name, codes in trainees.items() if any(c is not None for c in codes.values())}
        self.results = {name: compare.agreement(codes, reference) for name, codes in rated.items()}
        self.comparison.value = render.comparison_html(self.domain_codes, reference, ratings, trainees, lang)
        self.agreement.value = render.agreement_html(self.results, lang)
        found = compare.disagreements(rated, reference)
        self.disagreements.value = render.disagreements_html(found, reference, rated, lang)
        self.star_button.layout.display = None

    def _show_hidden_reference(self) -> None:
        self.comparison.value = f"<p class='casekit-hint'>{esc(t('study_app.reference_hidden', self.lang))}</p>"
        self.agreement.value = ""
        self.disagreements.value = ""
        self.star.value = ""
        self.star_button.layout.display = "none"
        self.results = {}

    def draw_star(self) -> None:
        """The needs star: the reference and the trainees' mean status per life domain (only once revealed)."""
        if not self.state.revealed:
            self.reveal_status.show([t("study_app.reveal_first", self.lang)], kind="warning")
            return
        from .star import star_html

        self.star.value = star_html(self.instrument, self.reference_codes(), self.trainee_codes(),
                                    self.state.perspective, lang=self.lang,
                                    width=self.app.chart_width("pane"))

"""The worker's competency self-assessment as a compact grid: one row per item, its levels as toggle buttons.

The built-in instrument ``casekit-competency`` has thirteen rated items and five free-text examples in five
domains. The general instrument form (:class:`casekit.widgets.form.InstrumentForm`) builds some 400 widget models
for it; this grid builds about fifty (:mod:`casekit.widgets.lean`: one shared Layout and Style), so opening the
session view stays at a few hundred messages.

The rules live in the model, as in the form: every value from a widget goes through
:func:`casekit.instruments.set_answer`; a refused value leaves the assessment unchanged, says why in ``message``
and the widget shows the last valid answer again; an accepted one calls ``on_change(assessment)``. With
``privacy`` the free-text examples are not on the page at all (only the ratings are shown).

Handles: ``widget_for(item_id)``, ``assessment``, ``message``, ``rows``.
"""
from __future__ import annotations

from typing import Any, Callable

import ipywidgets as widgets

from ...i18n import gettext
from ...instruments import AnswerError, Assessment, Instrument, set_answer
from .. import lean
from ..common import GuardedToggleButtons, esc, log
from .base import message_label


class CompetencyGrid(widgets.VBox):
    def __init__(self, instrument: Instrument, assessment: Assessment, *, on_change: Callable[[Assessment], Any],
                 lang: str, privacy: bool = False):
        super().__init__(layout=lean.shared_layout())
        self.instrument, self.lang, self.privacy = instrument, lang, privacy
        self._assessment = assessment.check(instrument, complete=False)
        self._on_change = on_change
        self._syncing = False
        self._controls: dict[str, widgets.Widget] = {}
        self.message = message_label("casekit-sv-competency-message")
        self.add_class("casekit-sv-competency-form")
        children: list[widgets.Widget] = []
        self.rows: list[widgets.Widget] = []
        hidden_texts = False
        for domain in instrument.domains:
            children.append(lean.html(f"<h3 class='casekit-subheading'>{esc(domain.title.get(lang))}</h3>",
                                      "casekit-sv-competency-domain"))
            for item in domain.items:
                if item.levels:
                    control = lean.toggles(GuardedToggleButtons, [(lv.label.get(lang), lv.value) for lv in item.levels],
                                           self._assessment.answers.get(item.id), "casekit-sv-competency-levels",
                                           tooltips=[lv.descriptor.get(lang) for lv in item.levels])
                    control.on_refused = lambda value: self.message.show(
                        [gettext("ui.form.not_a_choice", self.lang, value=str(value)[:40])])
                elif privacy:  # a free text: never on a projected screen
                    hidden_texts = True
                    continue
                else:
                    control = lean.text("", "casekit-sv-competency-text", area=True, continuous_update=False)
                    control.value = str(self._assessment.answers.get(item.id) or "")
                control.observe(self._changed(item.id), names="value")
                self._controls[item.id] = control
                label = lean.html(f"<span class='casekit-sv-competency-label' title='{esc(item.help.get(lang))}'>"
                                  f"{esc(item.label.get(lang))}</span>", "casekit-sv-competency-item")
                row = lean.hbox([label, control], ("casekit-row", "casekit-sv-competency-row"))
                self.rows.append(row)
                children.append(row)
        if hidden_texts:
            children.append(lean.html(f"<p class='casekit-sv-hidden'>{esc(gettext('sv.examples_hidden', lang))}</p>"))
        self.children = [*children, self.message]

    @property
    def assessment(self) -> Assessment:
        """The current, valid assessment."""
        return self._assessment

    def widget_for(self, item_id: str) -> widgets.Widget:
        return self._controls[item_id]

    def _changed(self, item_id: str) -> Callable[[dict], None]:
        def changed(change: dict) -> None:
            if self._syncing:
                return
            value = change["new"]
            if isinstance(value, str) and not value.strip():
                value = None
            try:
                updated = set_answer(self._assessment, self.instrument, item_id, value)
            except AnswerError as error:
                self.message.show(error.messages(self.lang))
                self._show(item_id)
                return
            except Exception:  # noqa: BLE001 - nothing may escape a callback
                log.exception("competency answer %s", item_id)
                self.message.show([gettext("conf.error_unexpected", self.lang)])
                self._show(item_id)
                return
            self.message.clear()
            self._assessment = updated
            self._on_change(updated)

        return changed

    def _show(self, item_id: str) -> None:
        control = self._controls[item_id]
        value = self._assessment.answers.get(item_id)
        self._syncing = True
        try:
            control.value = value if not isinstance(control, (widgets.Text, widgets.Textarea)) else str(value or "")
        finally:
            self._syncing = False


__all__ = ["CompetencyGrid"]

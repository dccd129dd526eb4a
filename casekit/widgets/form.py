"""A form generated from any instrument, bound to one :class:`~casekit.instruments.Assessment`.

``InstrumentForm(instrument, assessment, on_change=None, lang=None)`` is a ``VBox``: a header (instrument,
perspective, rater, date), a progress bar, one section per domain and, per item, the control for its type
(see :mod:`casekit.widgets.fields`), a required marker, help text and a message beside it.

The rules live in the model. Every value that arrives from a widget — typed by a user or sent by any
client over the widget protocol — goes through ``casekit.instruments.set_answer``. A refused value leaves
the assessment unchanged: its message appears beside the item and the widget returns to the last valid
answer. After an accepted change the form shows and hides items as ``show_if`` says (answers to hidden
items are dropped by the model, and their widgets cleared), updates the progress and calls
``on_change(assessment)`` — where an app saves to the store. ``form.assessment`` is always valid.

Callbacks never raise: an unexpected error is logged (logger ``casekit.widgets``) and a short sentence
is shown in the form's language. This module does not import Altair.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Callable

import ipywidgets as w

from ..i18n import current_language, gettext, normalise_language
from ..instruments import AnswerError, Assessment, Instrument, set_answer, shown_items
from .common import log as LOG
from .common import protect
from .fields import ItemField

OnChange = Callable[[Assessment], Any]


@dataclass(frozen=True)
class Progress:
    """How far the rater is: answered items among the shown ones, and the same for required items."""

    answered: int
    shown: int
    required_answered: int
    required_shown: int

    @property
    def complete(self) -> bool:
        return self.required_answered == self.required_shown


class InstrumentForm(w.VBox):
    """The form of ``instrument`` for ``assessment``; see the module docs."""

    def __init__(self, instrument: Instrument, assessment: Assessment, on_change: OnChange | None = None,
                 lang: str | None = None):
        super().__init__()
        self.lang = normalise_language(lang) if lang else current_language()
        self._instrument = instrument
        self._assessment = assessment.check(instrument, complete=False)  # a programming error raises here
        self._on_change = on_change
        self._syncing = False
        self._fields: dict[str, ItemField] = {}
        self._sections: list[tuple[w.VBox, list[str]]] = []
        self.header = w.HTML(self._header_html())
        self.progress_bar = w.IntProgress(value=0, min=0, max=1, layout=w.Layout(width="20em"))
        self.progress_text = w.HTML("")
        self.status = w.HTML("")
        for domain in instrument.domains:
            fields = []
            for item in domain.items:
                field = ItemField(item, self.lang)
                self._wire(field)
                self._fields[item.id] = field
                fields.append(field)
            title = w.HTML(f"<h3>{html.escape(domain.title.get(self.lang))}</h3>")
            section = w.VBox([title] + [f.box for f in fields])
            self._sections.append((section, [f.item.id for f in fields]))
        self.children = [self.header, w.HBox([self.progress_bar, self.progress_text],
                                             layout=w.Layout(align_items="center")),
                         self.status] + [section for section, _ in self._sections]
        self._refresh()

    # -- public ------------------------------------------------------------------------------------
    @property
    def assessment(self) -> Assessment:
        """The current, valid assessment."""
        return self._assessment

    @property
    def instrument(self) -> Instrument:
        return self._instrument

    def widget_for(self, item_id: str) -> w.Widget:
        """The control of an item (for a multiple-choice item: the box of its checkboxes)."""
        return self._fields[item_id].control

    def field(self, item_id: str) -> ItemField:
        return self._fields[item_id]

    def message_for(self, item_id: str) -> str:
        """The message shown beside an item (empty when there is none)."""
        return self._fields[item_id].message_text

    def is_shown(self, item_id: str) -> bool:
        return self._fields[item_id].visible

    @property
    def progress(self) -> Progress:
        answers = self._assessment.answers
        shown = [i for i in self._instrument.items() if self._fields[i.id].visible]
        required = [i for i in shown if i.required]
        return Progress(answered=sum(1 for i in shown if i.id in answers), shown=len(shown),
                        required_answered=sum(1 for i in required if i.id in answers), required_shown=len(required))

    def check(self) -> list[str]:
        """Check the assessment as complete; show each problem beside its item and return the sentences."""
        try:
            self._assessment.check(self._instrument, complete=True)
        except AnswerError as error:
            messages = error.messages(self.lang)
            for item_id, message in zip(error.items, messages):
                if item_id in self._fields:
                    self._fields[item_id].set_message(message)
            return messages
        return []

    # -- wiring ------------------------------------------------------------------------------------
    def _wire(self, field: ItemField) -> None:
        def fail(message: str) -> None:
            field.set_message(message)
            self._show(field)

        changed = protect(lambda change: self._changed(field), fail, self.lang)
        for widget in field.value_widgets():
            widget.observe(changed, names="value")
        if hasattr(field.control, "on_refused"):
            field.control.on_refused = protect(lambda value, index=False: self._refused(field, value, index),
                                               fail, self.lang)
        if field.clear is not None:
            field.clear.on_click(protect(lambda button: self._clear(field), fail, self.lang))

    def _changed(self, field: ItemField) -> None:
        if self._syncing:
            return
        item_id = field.item.id
        try:
            updated = set_answer(self._assessment, self._instrument, item_id, field.answer())
        except AnswerError as error:
            field.set_message(" ".join(error.messages(self.lang)))
            self._show(field)  # back to the last valid answer
            return
        field.set_message("")
        self._assessment = updated
        self._refresh()
        if self._on_change is not None:
            self.status.value = ""
            try:
                self._on_change(updated)
            except Exception:
                LOG.exception("casekit: on_change failed for %s", item_id)
                self.status.value = (f'<span role="alert" style="color:#b00020">'
                                     f'{html.escape(gettext("ui.form.not_saved", self.lang))}</span>')

    def _refused(self, field: ItemField, value: Any, index: bool = False) -> None:
        """A selection widget was sent a value (or option number) that is not one of its options."""
        if self._syncing:
            return
        if not index:
            try:
                set_answer(self._assessment, self._instrument, field.item.id, value)
            except AnswerError as error:  # the model's own sentence: "7 is out of scale; the levels are …"
                field.set_message(" ".join(error.messages(self.lang)))
                return
        field.set_message(gettext("ui.form.not_a_choice", self.lang, value=str(value)[:40]))

    def _clear(self, field: ItemField) -> None:
        field.control.value = None  # observed: goes through set_answer like any change

    # -- showing the model -------------------------------------------------------------------------
    def _show(self, field: ItemField) -> None:
        self._syncing = True
        try:
            field.show(self._assessment.answers.get(field.item.id))
        finally:
            self._syncing = False

    def _refresh(self) -> None:
        answers = self._assessment.answers
        shown = shown_items(self._instrument, answers, self._assessment.perspective)
        self._syncing = True
        try:
            for item_id, field in self._fields.items():
                field.set_visible(item_id in shown)
                field.show(answers.get(item_id))
                if item_id not in shown:
                    field.set_message("")
        finally:
            self._syncing = False
        for section, item_ids in self._sections:
            section.layout.display = "flex" if any(i in shown for i in item_ids) else "none"
        progress = self.progress
        with self.progress_bar.hold_sync():  # one message, not two
            self.progress_bar.max = max(progress.shown, 1)
            self.progress_bar.value = progress.answered
        text = gettext("ui.form.progress", self.lang, answered=progress.answered, shown=progress.shown)
        if progress.required_shown:
            text += " · " + gettext("ui.form.progress_required", self.lang, answered=progress.required_answered,
                                    shown=progress.required_shown)
        self.progress_text.value = html.escape(text)

    def _header_html(self) -> str:
        a, lang = self._assessment, self.lang
        rows = [(gettext("ui.form.perspective", lang), a.perspective.label(lang)),
                (gettext("ui.form.rater", lang), a.rater),
                (gettext("ui.form.date", lang), f"{a.date.day}. {a.date.month}. {a.date.year}" if lang == "cs"
                 else a.date.isoformat())]
        if a.case_id:
            rows.append((gettext("ui.form.case", lang), a.case_id))
        facts = " · ".join(f"{html.escape(k)}: <b>{html.escape(str(v))}</b>" for k, v in rows)
        return f"<h2>{html.escape(self._instrument.title.get(lang))}</h2><p>{facts}</p>"


__all__ = ["InstrumentForm", "OnChange", "Progress"]

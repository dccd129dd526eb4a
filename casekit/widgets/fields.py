"""One instrument item as widgets: its label, the control for its type, a clear button, a message.

:func:`make_field` picks the control from the item type:

========  =====================================================================================
scale     ToggleButtons (up to 7 levels; each level's descriptor is its tooltip and is shown below
          when chosen), else a Dropdown
single    RadioButtons (up to 5 choices), else a Dropdown
multiple  one Checkbox per choice
number    a Text box: empty means "no answer" (an IntText would show 0), bounds in the hint,
          a decimal comma is accepted
date      DatePicker
text      Textarea
yesno     ToggleButtons Yes / No
========  =====================================================================================

A field only converts between widget values and answers; whether an answer is valid is decided by
``casekit.instruments.set_answer`` in the form. Selection controls refuse a value that is not one of their
options by keeping the current one and reporting it (``on_refused``) instead of raising.
"""
from __future__ import annotations

import html
from datetime import date as Date
from typing import Any, Callable

import ipywidgets as w
from traitlets import HasTraits, TraitError, observe, validate

from ..i18n import gettext
from ..instruments import Item, ItemType

TOGGLE_MAX = 7   # scale levels shown as buttons; more become a dropdown
RADIO_MAX = 5    # single choices shown as radio buttons
_HIDDEN, _SHOWN = "none", "flex"


def _strict(option: Any, value: Any) -> bool:
    # True == 1 in Python; an answer must be the option itself, not something equal to it
    return type(option) is type(value) and option == value


class _Refusing(HasTraits):
    """Mixin for selection widgets: an unknown value or index is refused (kept as it was) and reported.

    A browser sends ``index`` inside ``hold_trait_notifications``, where the trait already holds the
    proposed value while it is validated; so the last accepted value and index are remembered here.
    """

    #: called with the refused value, and ``index=True`` when an option number was refused
    on_refused: Callable[..., None] | None = None

    def _refuse(self, value: Any, index: bool = False) -> None:
        if self.on_refused is not None:
            self.on_refused(value, index=index)

    @observe("index")
    def _remember_index(self, change):
        self._good_index = change.new

    @observe("value")
    def _remember_value(self, change):
        self._good_value = change.new

    @validate("value")
    def _validate_value(self, proposal):
        try:
            return super()._validate_value(proposal)
        except TraitError:
            self._refuse(proposal.value)
            return getattr(self, "_good_value", None)

    @validate("index")
    def _validate_index(self, proposal):
        try:
            return super()._validate_index(proposal)
        except TraitError:
            self._refuse(proposal.value, index=True)
            return getattr(self, "_good_index", None)


class RefusingToggleButtons(_Refusing, w.ToggleButtons):
    pass


class RefusingDropdown(_Refusing, w.Dropdown):
    pass


class RefusingRadioButtons(_Refusing, w.RadioButtons):
    pass


def _format_number(value: Any, lang: str) -> str:
    if value is None:
        return ""
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return text.replace(".", ",") if lang == "cs" else text


class ItemField:
    """The widgets of one item and the conversion between their values and answers."""

    def __init__(self, item: Item, lang: str, required_marker: bool = True):
        self.item = item
        self.lang = lang
        self.clear: w.Button | None = None
        self.checkboxes: list[w.Checkbox] = []
        self.control = self._control()
        mark = (f' <span class="casekit-required" title="{html.escape(gettext("ui.form.required", lang))}"'
                f' style="color:#b00020">*</span>') if item.required and required_marker else ""
        self.label = w.HTML(f"<b>{html.escape(item.label.get(lang))}</b>{mark}")
        self.help = w.HTML(f'<span style="opacity:0.8">{html.escape(item.help.get(lang))}</span>'
                           if item.help else "")
        self.descriptor = w.HTML("")
        self.message = w.HTML("", layout=w.Layout(margin="0 0 0 0.8em"))
        row = [self.control] + ([self.clear] if self.clear else []) + [self.message]
        self.box = w.VBox([self.label, self.help, w.HBox(row, layout=w.Layout(align_items="center",
                                                                             flex_flow="row wrap")),
                           self.descriptor], layout=w.Layout(margin="0 0 0.9em 0"))

    # -- building ----------------------------------------------------------------------------------
    def _options(self) -> list[tuple[str, Any]]:
        return [(level.label.get(self.lang), level.value) for level in self.item.levels]

    def _clear_button(self) -> w.Button:
        return w.Button(description="×", tooltip=gettext("ui.form.clear", self.lang),
                        layout=w.Layout(width="2.6em"))

    def _control(self) -> w.Widget:
        kind, lang = self.item.type, self.lang
        if kind in (ItemType.SCALE, ItemType.YESNO) and (kind == ItemType.YESNO or len(self.item.levels) <= TOGGLE_MAX):
            if kind == ItemType.YESNO:
                options = [(gettext("instrument.yes", lang), True), (gettext("instrument.no", lang), False)]
                tooltips = [label for label, _ in options]
            else:
                options = self._options()
                tooltips = [(lv.descriptor or lv.label).get(lang) for lv in self.item.levels]
            self.clear = self._clear_button()
            return RefusingToggleButtons(options=options, tooltips=tooltips, value=None, equals=_strict,
                                         style={"button_width": "auto"})
        if kind == ItemType.SINGLE and len(self.item.levels) <= RADIO_MAX:
            self.clear = self._clear_button()
            return RefusingRadioButtons(options=self._options(), value=None, equals=_strict)
        if kind in (ItemType.SCALE, ItemType.SINGLE):
            blank = (gettext("ui.form.no_answer", lang), None)
            return RefusingDropdown(options=[blank] + self._options(), value=None, equals=_strict)
        if kind == ItemType.MULTIPLE:
            self.checkboxes = [w.Checkbox(value=False, description=label, indent=False)
                               for label, _ in self._options()]
            return w.VBox(self.checkboxes)
        if kind == ItemType.NUMBER:
            return w.Text(value="", placeholder=self.number_hint(), continuous_update=False,
                          layout=w.Layout(width="16em"))
        if kind == ItemType.DATE:
            return w.DatePicker(value=None)
        placeholder = gettext("ui.form.max_length", lang, limit=self.item.max_length)
        return w.Textarea(value="", placeholder=placeholder, continuous_update=False,
                          layout=w.Layout(width="32em", height="5em"))

    def number_hint(self) -> str:
        item, lang = self.item, self.lang
        kind = gettext("ui.form.whole_number" if item.integer else "ui.form.number", lang)
        low, high = (_format_number(b, lang) if b is not None else None for b in (item.min, item.max))
        if low is not None and high is not None:
            return f"{kind}, {gettext('ui.form.range', lang, min=low, max=high)}"
        if low is not None:
            return f"{kind}, {gettext('ui.form.at_least', lang, min=low)}"
        if high is not None:
            return f"{kind}, {gettext('ui.form.at_most', lang, max=high)}"
        return kind

    # -- values ------------------------------------------------------------------------------------
    def value_widgets(self) -> list[w.Widget]:
        """The widgets whose ``value`` the user changes."""
        return list(self.checkboxes) or [self.control]

    def answer(self) -> Any:
        """The answer the widgets hold now (not yet validated)."""
        kind = self.item.type
        if kind == ItemType.MULTIPLE:
            return [value for box, (_, value) in zip(self.checkboxes, self._options()) if box.value] or None
        value = self.control.value
        if isinstance(value, str):
            return value if value.strip() else None
        return value

    def show(self, answer: Any) -> None:
        """Put an (accepted) answer into the widgets; only widgets that differ are written."""
        kind = self.item.type
        if kind == ItemType.MULTIPLE:
            chosen = answer or []
            for box, (_, value) in zip(self.checkboxes, self._options()):
                box.value = any(_strict(value, c) for c in chosen)
            return
        if kind == ItemType.NUMBER:
            target: Any = _format_number(answer, self.lang)
            if self.control.value.strip().replace(",", ".") == target.replace(",", "."):
                return
        elif kind == ItemType.DATE:
            target = Date.fromisoformat(answer) if isinstance(answer, str) else answer
        elif kind == ItemType.TEXT:
            target = answer or ""
        else:
            target = answer
        if not _strict(self.control.value, target):
            self.control.value = target
        self._describe(answer)

    def _describe(self, answer: Any) -> None:
        if self.item.type != ItemType.SCALE:
            return
        level = next((lv for lv in self.item.levels if _strict(lv.value, answer)), None)
        text = level.descriptor.get(self.lang) if level is not None and level.descriptor else ""
        self.descriptor.value = f'<i style="opacity:0.85">{html.escape(text)}</i>' if text else ""

    # -- state -------------------------------------------------------------------------------------
    def set_message(self, text: str) -> None:
        self.message.value = (f'<span role="alert" style="color:#b00020">{html.escape(text)}</span>'
                              if text else "")

    @property
    def message_text(self) -> str:
        return html.unescape(self.message.value.split(">", 1)[1].rsplit("<", 1)[0]) if self.message.value else ""

    def set_visible(self, visible: bool) -> None:
        self.box.layout.display = _SHOWN if visible else _HIDDEN

    @property
    def visible(self) -> bool:
        return self.box.layout.display != _HIDDEN


def make_field(item: Item, lang: str) -> ItemField:
    return ItemField(item, lang)


__all__ = ["ItemField", "RADIO_MAX", "TOGGLE_MAX", "make_field"]

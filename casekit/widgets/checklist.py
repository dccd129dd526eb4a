"""A list of checkboxes with one ``value``: the tuple of the checked options' values.

room.md: "a selection never replaces other selections by one plain click (checkboxes, not multi-select
lists)". A ``SelectMultiple`` does exactly that: a plain click selects one item and drops the others. This
widget has the same ``options`` / ``value`` interface (``options`` as ``(label, value)`` pairs, ``value`` a
tuple in the order of the options), so a form observes it like a multiple selection.

Values are checked in Python: a value that is not among the options (a program, or a hand-written client) is
refused, ``on_refused`` is told, and the value stays as it was (like :mod:`.common`'s guarded selections).
"""
from __future__ import annotations

from typing import Any, Callable

import ipywidgets as widgets
from traitlets import Tuple, observe, validate

from . import lean


class CheckboxList(widgets.VBox):
    value = Tuple()

    def __init__(self, options=(), value=(), *, description: str = "", css: str = "",
                 on_refused: Callable[[Any], None] | None = None):
        self.on_refused = on_refused
        self._options: list[tuple[str, Any]] = []
        self._boxes: list[widgets.Checkbox] = []
        self._syncing = False
        self.title = lean.html(f"<span class='casekit-checklist-title'>{_esc(description)}</span>"
                               if description else "")
        self.list = lean.vbox((), "casekit-checklist-items")
        super().__init__(children=[self.title, self.list] if description else [self.list])
        self.add_class("casekit-checklist")
        if css:
            self.add_class(css)
        self.options = options
        if value:
            self.value = tuple(value)

    # -- options ---------------------------------------------------------------------------------------------
    @property
    def options(self) -> tuple[tuple[str, Any], ...]:
        return tuple(self._options)

    @options.setter
    def options(self, options) -> None:
        pairs = [(str(o[0]), o[1]) if isinstance(o, (tuple, list)) else (str(o), o) for o in options]
        kept = tuple(v for v in self.value if v in [value for _label, value in pairs])
        self._options = pairs
        self._syncing = True
        try:
            self._boxes = [lean.checkbox(value in kept, label, "casekit-checklist-item") for label, value in pairs]
            for box, (_label, value) in zip(self._boxes, pairs):
                box.observe(self._clicked(value), names="value")
            self.list.children = self._boxes
        finally:
            self._syncing = False
        if kept != self.value:
            self.value = kept

    # -- value -----------------------------------------------------------------------------------------------
    @validate("value")
    def _validate_value(self, proposal):
        allowed = [value for _label, value in self._options]
        wanted = tuple(proposal.value)
        if any(v not in allowed for v in wanted):
            if self.on_refused is not None:
                self.on_refused(wanted)
            return self.value  # refused: the last valid value stays
        return tuple(v for v in allowed if v in wanted)  # the options' order, each once

    @observe("value")
    def _show(self, change) -> None:
        chosen = set(change["new"])
        self._syncing = True
        try:
            for box, (_label, value) in zip(self._boxes, self._options):
                if box.value != (value in chosen):
                    box.value = value in chosen
        finally:
            self._syncing = False

    def _clicked(self, value):
        def on_change(change) -> None:
            if self._syncing:
                return
            if change["new"]:
                self.value = tuple(v for _l, v in self._options if v in self.value or v == value)
            else:
                self.value = tuple(v for v in self.value if v != value)
        return on_change


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=True)

"""What every screen of the console shares: edits bound to widgets, buttons that cannot add twice, dates typed the
way the language writes them, removals that can be undone.

A screen never edits the case itself: it names an edit of :mod:`casekit.conference.edits` and the session
(:class:`~casekit.conference.session.ConferenceSession`) applies it, validates the whole case and saves it
(merging with what other devices saved). A refused edit shows why next to the field and the widget shows the
stored value again; nothing escapes a callback.
"""
from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

import ipywidgets as widgets

from ...conference.edits_base import FarDate
from ...errors import CaseKitError
from ...i18n import format_date, gettext, parse_date
from .. import lean
from ..common import MessageLabel, esc, log, log_failure, safe_callback

if TYPE_CHECKING:  # pragma: no cover
    from .app import ConsoleApp

#: after a click, a button stays disabled this long: a double click adds one item, not two
COOLDOWN = 0.8


class Binding:
    def __init__(self, widget, get: Callable, put: Callable, *, debounce: bool, message: MessageLabel | None,
                 shown: Callable | None, parse: Callable | None):
        self.widget, self.get, self.put = widget, get, put
        self.debounce, self.message, self.shown, self.parse = debounce, message, shown, parse


class Screen(widgets.VBox):
    """Base of the console's step screens: subclasses set ``key`` and fill ``build()``."""

    key = ""

    def __init__(self, app: "ConsoleApp"):
        super().__init__()
        self.app = app
        self.session = app.session
        self.lang = app.lang
        self.privacy = app.privacy
        self.message = message_label()
        self.bindings: list[Binding] = []
        self._syncing = False
        self.add_class("casekit-step")
        self.add_class(f"casekit-step-{self.key}")
        self.build()
        #: the case as this screen last showed it (the app refreshes the screen when it is shown again after
        #: another step or device changed the case)
        self.drawn_from = self.session.current

    # -- to override -----------------------------------------------------------------------------------------
    def build(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def refresh(self) -> None:
        """Show the case as it is now (another device saved, a change was refused, a removal undone)."""
        self.sync()

    def on_show(self) -> None:
        """Called each time the step is shown."""

    # -- reading ---------------------------------------------------------------------------------------------
    @property
    def case(self):
        return self.session.current

    @property
    def conference(self):
        return self.session.conference

    @property
    def conference_id(self) -> str | None:
        return self.session.conference_id

    def label(self, key: str, **params) -> str:
        return gettext(key, self.lang, **params)

    def field(self, name: str) -> str:
        return gettext(f"field.{name}", self.lang)

    # -- saving ----------------------------------------------------------------------------------------------
    def edit(self, function: Callable, *args, message: MessageLabel | None = None, debounce: bool = False,
             after: Callable[[], None] | None = None, undo_label: str | None = None, **kwargs) -> bool:
        """Apply ``function(case, *args, **kwargs)`` (an edit of :mod:`casekit.conference.edits`) and save.
        A date far ahead asks to confirm (the message offers it). Never raises.

        Returns whether the change was made: saved, or kept by the session when the store failed or another
        device's change collided (the message and the saved indicator say it is not saved yet; it is saved with
        the next change or step). A caller then clears what was typed into an "add" field, as after a save —
        else the kept item is on screen *and* in the field, and a second click would add it twice. ``False``:
        the edit was refused and nothing changed."""
        target = message or self.message
        before = self.session.current
        try:
            self.session.change(lambda case: function(case, *args, **kwargs), debounce=debounce)
        except FarDate as exc:
            self.app.ask_far_date(exc, lambda: self.edit(function, *args, message=message, debounce=debounce,
                                                          after=after, confirm_far=True, **kwargs), self.lang)
            target.show(exc.messages(self.lang), kind="warning")
            self.refresh()
            return False
        except Exception as exc:  # noqa: BLE001 - nothing may escape a callback
            log_failure(exc, f"edit on {self.key}")
            self.app.report_error(exc, target)
            self.refresh()
            if self.session.current is before:
                return False  # refused: nothing changed
        else:
            if message is not None and message.kind in ("error", "warning"):
                message.clear()
        if undo_label is not None:
            self.app.offer_undo(undo_label)
        if after is not None:
            try:
                after()
            except Exception as exc:  # noqa: BLE001
                log.exception("after an edit")
                self.app.report_error(exc, target)
        return True

    def bind(self, widget, get: Callable, put: Callable, *, debounce: bool = False,
             message: MessageLabel | None = None, shown: Callable | None = None,
             parse: Callable | None = None, group: list | None = None) -> Binding:
        """Show ``get(case)`` in ``widget`` and save changes with the edit ``put(case, value)``. ``shown`` turns
        the stored value into the widget's, ``parse`` the widget's into the stored one (may raise). ``group``: a
        list of its own for rows drawn again as a whole (their bindings go with them)."""
        binding = Binding(widget, get, put, debounce=debounce, message=message, shown=shown, parse=parse)
        (self.bindings if group is None else group).append(binding)
        self._show(binding)
        widget.observe(lambda change: self._changed(binding, change["new"]), names="value")
        if hasattr(widget, "on_refused"):
            widget.on_refused = lambda _v: (binding.message or self.message).show(
                [self.label("conf.error_value_refused")])
        return binding

    def sync(self) -> None:
        for binding in self.bindings:
            self._show(binding)

    def _show(self, binding: Binding) -> None:
        case = self.case
        if case is None:
            return
        try:
            value = binding.get(case)
            if binding.shown is not None:
                value = binding.shown(value)
        except Exception:  # noqa: BLE001 - a row that no longer exists
            log.debug("nothing to show", exc_info=True)
            return
        self._syncing = True
        try:
            if binding.widget.value != value:
                binding.widget.value = value
        except Exception:  # noqa: BLE001
            log.exception("could not show a value")
        finally:
            self._syncing = False

    def _changed(self, binding: Binding, value) -> None:
        if self._syncing:
            return
        target = binding.message or self.message
        if binding.parse is not None:
            try:
                value = binding.parse(value)
            except (ValueError, CaseKitError) as exc:
                messages = exc.messages(self.lang) if isinstance(exc, CaseKitError) else [
                    self.label("console.date_unreadable", example=format_date(date.today(), self.lang))]
                target.show(messages)
                return
        self.edit(lambda case, v=value, **confirm: binding.put(case, v, **confirm), message=binding.message,
                  debounce=binding.debounce)

    # -- widgets ---------------------------------------------------------------------------------------------
    def heading(self, key: str, **params) -> widgets.HTML:
        return lean.html(f"<h2 class='casekit-subheading'>{esc(self.label(key, **params))}</h2>", "casekit-heading")

    def safe(self, function: Callable) -> Callable:
        return safe_callback(lambda messages, exc: self.app.report_error(exc, self.message), lambda: self.lang)(function)

    def button(self, key: str, handler: Callable[[], Any], *, css: str, style: str = "", own_layout: bool = False,
               **params) -> widgets.Button:
        """A button whose handler runs once per click: disabled while it runs and for a moment after, and a click
        that arrives meanwhile (a double click, a client that ignores ``disabled``) is dropped in Python.
        ``own_layout``: the button is shown and hidden (``layout.display``), so it gets a layout of its own."""
        button = lean.button(self.label(key, **params), ("casekit-button", css), own_layout=own_layout,
                             button_style=style)
        button._casekit_busy_until = 0.0
        run = self.safe(handler)

        def clicked(_button) -> None:
            now = time.monotonic()
            if now < button._casekit_busy_until:
                log.info("a click on %s during its cool-down was dropped", css)
                return
            button._casekit_busy_until = float("inf")
            button.disabled = True
            try:
                run()
            finally:
                button._casekit_busy_until = time.monotonic() + COOLDOWN
                self.app.enable_later(button, COOLDOWN)

        button.on_click(clicked)
        return button

    def remove_button(self, handler: Callable[[], Any], *, css: str = "casekit-remove") -> widgets.Button:
        """✕ (its tooltip says Remove): small, so that a row keeps to one line; the removal can be undone."""
        button = self.button("console.remove_sign", handler, css=css)
        button.tooltip = self.label("conf.remove")
        button.add_class("casekit-remove")
        return button

    def text(self, description: str, css: str, *, area: bool = False, placeholder: str = "") -> widgets.Widget:
        return lean.text(description, (css, "casekit-field"), area=area, placeholder=placeholder)

    def date_text(self, description: str, css: str) -> widgets.Text:
        """A date field typed the way the language writes dates (``7. 12. 2026``), whatever the browser's locale:
        a text field, not the browser's date picker (which shows mm/dd/yyyy to a Czech user)."""
        return lean.text(description, (css, "casekit-date"), placeholder=self.label("console.date_placeholder"),
                         continuous_update=False)

    def show_date(self, value: date | None) -> str:
        return format_date(value, self.lang)

    def read_date(self, text: str) -> date | None:
        return parse_date(text, self.lang)



def set_options(widget, options) -> None:
    """New options for a selection (people of the network, goals), keeping the chosen value when it is still
    offered: ipywidgets would choose the first option instead. Unchanged options send nothing."""
    options = [tuple(option) for option in options]
    if [tuple(option) for option in widget.options] == options:
        return
    value = widget.value
    widget.options = options
    kept = value if value in [v for _label, v in options] else None
    if widget.value != kept:
        widget.value = kept


def message_label() -> MessageLabel:
    """A message next to a field, sharing its layout and style with the others."""
    return MessageLabel(layout=lean.shared_layout(), style=lean.html_style())


def row(*children: widgets.Widget, css: str = "") -> widgets.HBox:
    return lean.hbox(children, ("casekit-row", css))


def panes(*children: widgets.Widget) -> widgets.Box:
    """Side by side in 16:9, stacked in 4:3."""
    for child in children:
        child.add_class("casekit-pane")
    return lean.box(children, "casekit-panes")


def column(*children: widgets.Widget, css: str = "") -> widgets.VBox:
    return lean.vbox(children, css)

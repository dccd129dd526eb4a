"""What every step view shares: bindings from widgets to the case, messages next to fields, safe callbacks.

A *binding* connects a widget to one place in the case: ``get(case)`` reads the value to show,
``put(data, value)`` writes the widget's value into a plain copy of the case (a dict). On each change the
session validates the whole case and saves it; a refused value shows a message next to the field and the
widget goes back to the last valid value. Values are never trusted because of what the browser allows.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable

import ipywidgets as widgets

from ...errors import ConflictError
from ...model import Case
from ..common import MessageLabel, friendly_messages, log, log_failure, safe_callback
from .i18n import field, t

if TYPE_CHECKING:  # pragma: no cover
    from .shell import ConferenceApp


class Binding:
    def __init__(self, widget, get: Callable[[Case], Any], put: Callable[[dict, Any], None], *,
                 debounce: bool, message: MessageLabel | None, after: Callable[[], None] | None):
        self.widget, self.get, self.put = widget, get, put
        self.debounce, self.message, self.after = debounce, message, after


class Bindings:
    """The bindings of one view (or of one group of rows, rebuilt together)."""

    def __init__(self, view: "StepView"):
        self.view = view
        self.items: list[Binding] = []
        self._syncing = False

    @contextmanager
    def syncing(self):
        previous, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = previous

    def bind(self, widget, get: Callable[[Case], Any], put: Callable[[dict, Any], None], *,
             debounce: bool = False, message: MessageLabel | None = None,
             after: Callable[[], None] | None = None) -> Binding:
        binding = Binding(widget, get, put, debounce=debounce, message=message, after=after)
        self.items.append(binding)
        self._show(binding)
        widget.observe(lambda change: self._changed(binding, change), names="value")
        if hasattr(widget, "on_refused"):
            widget.on_refused = lambda value: self._refused(binding)
        return binding

    def sync(self) -> None:
        for binding in self.items:
            self._show(binding)

    def _show(self, binding: Binding) -> None:
        case = self.view.session.current
        if case is None:
            return
        try:
            value = binding.get(case)
        except Exception:  # noqa: BLE001 - a row that no longer exists
            log.debug("binding has nothing to show", exc_info=True)
            return
        with self.syncing():
            try:
                if binding.widget.value != value:
                    binding.widget.value = value
            except Exception:  # noqa: BLE001
                log.exception("could not show a value")

    def _refused(self, binding: Binding) -> None:
        target = binding.message or self.view.message
        target.show([t("conf.error_value_refused", self.view.lang)])

    def _changed(self, binding: Binding, change) -> None:
        if self._syncing:
            return
        self.view.apply(lambda data: binding.put(data, change["new"]), debounce=binding.debounce,
                        message=binding.message, revert=lambda: self._show(binding), after=binding.after)


class StepView(widgets.VBox):
    """Base of the step views. Subclasses set ``key`` and fill ``build()``."""

    key = ""

    def __init__(self, app: "ConferenceApp"):
        super().__init__()
        self.app = app
        self.session = app.session
        self.lang = app.lang
        self.privacy = app.privacy
        self.message = MessageLabel()
        self.bindings = Bindings(self)
        self.built_version = app._version()
        self.add_class("casekit-step")
        self.add_class(f"casekit-step-{self.key}")
        self.build()

    # -- to override -----------------------------------------------------------------------------------------
    def build(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def refresh(self) -> None:
        """Show the case as it is now (after a reload or a refused change)."""
        self.bindings.sync()

    def on_show(self) -> None:
        """Called each time the step is shown (render charts here, not at build time)."""

    # -- helpers ---------------------------------------------------------------------------------------------
    @property
    def case(self) -> Case | None:
        return self.session.current

    @property
    def conference(self):
        return self.session.conference

    def label(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    def field(self, name: str) -> str:
        return field(name, self.lang)

    def report_error(self, exc: BaseException, message: MessageLabel | None = None) -> None:
        if isinstance(exc, ConflictError):
            self.app.show_conflict(exc)
        texts = friendly_messages(exc, self.lang)
        (message or self.message).show(texts)
        if message is None and not isinstance(exc, ConflictError):
            self.app.message.show(texts)  # also at the top, where the room looks

    def apply(self, mutate: Callable[[dict], Any], *, debounce: bool = False, message: MessageLabel | None = None,
              revert: Callable[[], None] | None = None, after: Callable[[], None] | None = None) -> bool:
        """Validate and save a change; on refusal show why next to the field and revert. Never raises."""
        try:
            self.session.change(mutate, debounce=debounce)
        except Exception as exc:  # noqa: BLE001 - nothing may escape a callback
            log_failure(exc, f"change of {self.key}")
            try:
                self.report_error(exc, message)
                if revert is not None:
                    revert()
                else:
                    self.refresh()
            except Exception:  # noqa: BLE001
                log.exception("could not revert after a refused change")
            return False
        if message is not None:
            message.clear()
        if self.message.kind == "error":
            self.message.clear()
        if after is not None:
            try:
                after()
            except Exception as exc:  # noqa: BLE001
                log.exception("after-change hook failed")
                self.report_error(exc)
        return True

    def conf(self, data: dict) -> dict:
        return self.session.conference_of(data)

    # -- small widget factories ------------------------------------------------------------------------------
    def heading(self, key: str, level: int = 3) -> widgets.HTML:
        from ..common import esc

        html = widgets.HTML(f"<h{level} class='casekit-heading'>{esc(self.label(key))}</h{level}>")
        html.add_class("casekit-heading")
        return html

    def button(self, key: str, handler: Callable[[], None], *, css: str, style: str = "") -> widgets.Button:
        button = widgets.Button(description=self.label(key), button_style=style, tooltip=self.label(key))
        button.add_class("casekit-button")
        button.add_class(css)
        button.on_click(self.safe(lambda _button: handler()))
        return button

    def safe(self, function: Callable) -> Callable:
        """``function`` as a callback that never raises: failures are logged and shown in this view."""
        return safe_callback(lambda messages, exc: self.report_error(exc), lambda: self.lang)(function)


def text_input(description: str, css: str, *, area: bool = False, placeholder: str = "") -> widgets.Widget:
    cls = widgets.Textarea if area else widgets.Text
    widget = cls(description=description, placeholder=placeholder, continuous_update=True)
    widget.add_class(css)
    widget.add_class("casekit-field")
    widget.style.description_width = "initial"
    widget.layout.width = "100%"
    return widget


def labelled(widget: widgets.Widget, message: MessageLabel) -> widgets.VBox:
    box = widgets.VBox([widget, message])
    box.add_class("casekit-labelled")
    return box


def panes(*children: widgets.Widget) -> widgets.Box:
    """Side by side in the 16:9 layout, stacked in 4:3 (CSS classes ``casekit-panes`` / ``casekit-pane``)."""
    for child in children:
        child.add_class("casekit-pane")
    box = widgets.Box(list(children))
    box.add_class("casekit-panes")
    return box

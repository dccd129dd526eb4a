"""What every view of the supervision app shares: texts, messages, safe callbacks, small widget factories.

Widgets share one Layout and Style model where they can (:mod:`casekit.widgets.lean`), so showing a view stays
at a few hundred messages. Buttons act once per click (:data:`COOLDOWN`)."""
from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Callable

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle

from ...i18n import gettext
from .. import lean
from ..common import GuardedDropdown, MessageLabel, esc, friendly_messages, log, safe_callback

if TYPE_CHECKING:  # pragma: no cover
    from .app import SupervisionApp

#: after a click, a button stays disabled this long: a double click starts one session, adds one action
COOLDOWN = 0.8


class View(widgets.VBox):
    """Base of the views. Subclasses set ``key`` and fill ``build()``; ``on_show()`` runs each time it is shown."""

    key = ""

    def __init__(self, app: "SupervisionApp"):
        super().__init__()
        self.app = app
        self.store = app.store
        self.lang = app.lang
        self.privacy = app.privacy
        self.message = message_label(f"casekit-sv-{self.key}-message")
        self.add_class("casekit-sv-view")
        self.add_class(f"casekit-sv-view-{self.key}")
        self.build()

    def build(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def on_show(self) -> None:
        """Called each time the view is shown: read the store's lists again, draw charts (not at build time)."""

    # -- helpers ---------------------------------------------------------------------------------------------
    def label(self, key: str, **params) -> str:
        return gettext(key, self.lang, **params)

    def field(self, name: str) -> str:
        return gettext(f"field.{name}", self.lang)

    def report_error(self, exc: BaseException, message: MessageLabel | None = None) -> None:
        (message or self.message).show(friendly_messages(exc, self.lang))

    def safe(self, function: Callable, message: MessageLabel | None = None) -> Callable:
        """``function`` as a callback that never raises: failures are logged and shown (next to the field)."""
        return safe_callback(lambda messages, exc: self.report_error(exc, message), lambda: self.lang)(function)

    def heading(self, key: str, level: int = 3) -> widgets.HTML:
        return lean.html(f"<h{level} class='casekit-heading'>{esc(self.label(key))}</h{level}>", "casekit-heading")

    def button(self, key: str, handler: Callable[[], None], *, css: str, style: str = "",
               message: MessageLabel | None = None, own_layout: bool = False) -> widgets.Button:
        """A button whose handler runs once per click: disabled while it runs and for a moment after, and a click
        that arrives meanwhile (a double click, a client that ignores ``disabled``) is dropped in Python."""
        button = lean.button(self.label(key), ("casekit-button", css), own_layout=own_layout, button_style=style,
                             tooltip=self.label(key))
        run = self.safe(handler, message)
        busy_until = [0.0]

        def clicked(_button) -> None:
            now = time.monotonic()
            if now < busy_until[0]:
                log.info("a click on %s during its cool-down was dropped", css)
                return
            busy_until[0] = float("inf")
            button.disabled = True
            try:
                run()
            finally:
                busy_until[0] = time.monotonic() + COOLDOWN
                enable_later(button, COOLDOWN)

        button.on_click(clicked)
        return button

    def dropdown(self, options, value, *, css: str, description: str = "",
                 message: MessageLabel | None = None) -> GuardedDropdown:
        """A dropdown that refuses values outside ``options`` and says so in ``message``."""
        target = message or self.message
        dropdown = GuardedDropdown(options=options, value=value, description=description,
                                   on_refused=lambda _value: target.show([self.label("conf.error_value_refused")]),
                                   layout=lean.shared_layout(), style=lean.shared_style(DescriptionStyle))
        dropdown.add_class(css)
        return dropdown


def enable_later(button: widgets.Button, delay: float) -> None:
    """Enable ``button`` again after ``delay`` seconds (at once without a running loop: tests, scripts). A button
    that should stay disabled (nothing to act on) is disabled again by its view after this."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        button.disabled = getattr(button, "_casekit_keep_disabled", False)
        return
    loop.call_later(delay, lambda: setattr(button, "disabled", getattr(button, "_casekit_keep_disabled", False)))


def allow(button: widgets.Button, on: bool) -> None:
    """Enable or disable ``button`` for good (a hint only: the handler checks again); a cool-down keeps to it."""
    button._casekit_keep_disabled = not on
    button.disabled = not on


def message_label(css: str = "") -> MessageLabel:
    """A message next to a field, sharing its layout and style with the others."""
    label = MessageLabel(layout=lean.shared_layout(), style=lean.html_style())
    if css:
        label.add_class(css)
    return label


def html_box(css: str, value: str = "") -> widgets.HTML:
    return lean.html(value, css)


def row(children, css: str) -> widgets.HBox:
    return lean.hbox(children, css)

"""What every view of the supervision app shares: texts, messages, safe callbacks, small widget factories."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import ipywidgets as widgets

from ..common import GuardedDropdown, MessageLabel, esc, friendly_messages, safe_callback
from .i18n import t

if TYPE_CHECKING:  # pragma: no cover
    from .app import SupervisionApp


class View(widgets.VBox):
    """Base of the views. Subclasses set ``key`` and fill ``build()``; ``on_show()`` runs each time it is shown."""

    key = ""

    def __init__(self, app: "SupervisionApp"):
        super().__init__()
        self.app = app
        self.store = app.store
        self.lang = app.lang
        self.privacy = app.privacy
        self.message = MessageLabel()
        self.message.add_class(f"casekit-sv-{self.key}-message")
        self.add_class("casekit-sv-view")
        self.add_class(f"casekit-sv-view-{self.key}")
        self.build()

    def build(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def on_show(self) -> None:
        """Called each time the view is shown (draw charts here, not at build time)."""

    # -- helpers ---------------------------------------------------------------------------------------------
    def label(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    def field(self, name: str) -> str:
        return t(f"field.{name}", self.lang)

    def report_error(self, exc: BaseException, message: MessageLabel | None = None) -> None:
        (message or self.message).show(friendly_messages(exc, self.lang))

    def safe(self, function: Callable, message: MessageLabel | None = None) -> Callable:
        """``function`` as a callback that never raises: failures are logged and shown (next to the field)."""
        return safe_callback(lambda messages, exc: self.report_error(exc, message), lambda: self.lang)(function)

    def heading(self, key: str, level: int = 3) -> widgets.HTML:
        html = widgets.HTML(f"<h{level} class='casekit-heading'>{esc(self.label(key))}</h{level}>")
        html.add_class("casekit-heading")
        return html

    def button(self, key: str, handler: Callable[[], None], *, css: str, style: str = "",
               message: MessageLabel | None = None) -> widgets.Button:
        button = widgets.Button(description=self.label(key), button_style=style, tooltip=self.label(key))
        button.add_class("casekit-button")
        button.add_class(css)
        button.layout.width = "auto"
        button.on_click(self.safe(lambda _button: handler(), message))
        return button

    def dropdown(self, options, value, *, css: str, description: str = "",
                 message: MessageLabel | None = None) -> GuardedDropdown:
        """A dropdown that refuses values outside ``options`` and says so in ``message``."""
        target = message or self.message
        dropdown = GuardedDropdown(options=options, value=value, description=description,
                                   on_refused=lambda _value: target.show([self.label("conf.error_value_refused")]))
        dropdown.add_class(css)
        dropdown.style.description_width = "initial"
        return dropdown


def html_box(css: str, value: str = "") -> widgets.HTML:
    box = widgets.HTML(value)
    box.add_class(css)
    return box

"""One app shell for every casekit app (console, room view, supervision, case study), after solara's AppLayout:
the shell draws the chrome, the app supplies only its screens.

The chrome, top to bottom: a header (the app's title, the saved state, a timer slot, the switches for language,
privacy, theme and layout), an optional step bar (one button per step, the current one marked), the heading row
(Back, "3 / 8 Story", Next) and one message line. Below it the body: every screen gets a body box of its own
(:meth:`show`), so a new step opens at its top; in Voilà only the body scrolls (``theme.css``), so the chrome
never leaves the screen.

An app subclasses :class:`AppShell`, sets ``steps`` (or none) and ``app_class``, and implements ``step_title``,
``render_step`` (build or reuse the step's widgets and call :meth:`show`) and, if it has one, ``title_text``.
Callbacks are guarded by :meth:`safe` (nothing escapes; the message line says what went wrong, the log keeps
the details). Language, theme, layout and privacy go through :class:`casekit.widgets.switches.Switches`.
"""
from __future__ import annotations

from typing import Callable, Iterable

import ipywidgets as widgets

from ...i18n import gettext, normalise_language
from ..common import MessageLabel, SavedIndicator, esc, friendly_messages, log, safe_callback
from ..switches import Switches
from . import theme as theming


class AppShell(Switches, widgets.VBox):
    #: the app's steps (keys) in order; empty: no step bar, no Back/Next
    steps: tuple[str, ...] = ()
    #: an extra class on the root, for the app's own CSS
    app_class = ""
    #: whether the header has a privacy switch
    privacy_switch = True
    #: the step shown first (default: the first of ``steps``)
    first_step = None
    #: whether the header has the switches (a room view's machine is not touched: none)
    show_switches = True
    #: whether the steps get a bar of buttons and Back/Next (a room view only shows the heading)
    show_navigation = True

    def __init__(self, *, lang: str | None = None, theme: str = "dark", layout: str = "16:9",
                 privacy: bool = False, saved: SavedIndicator | None = None):
        super().__init__()
        self.lang = normalise_language(lang)
        self.theme = theme if theme in theming.THEMES else "dark"
        self.layout_name = layout if layout in theming.LAYOUTS else "16:9"
        self.privacy = bool(privacy)
        self.current_step = self.first_step or (self.steps[0] if self.steps else None)
        self._views: dict = {}
        self.saved = saved or SavedIndicator()
        self._build_chrome()

    # -- for the app to provide ------------------------------------------------------------------------------
    def step_title(self, key: str, short: bool = False) -> str:  # pragma: no cover - apps with steps override
        return key

    def title_text(self) -> str:
        return ""

    def render_step(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def can_go(self, key: str) -> bool:
        """Whether step ``key`` may be shown now (a hint for the step bar; :meth:`go` asks again)."""
        return True

    def extra_css(self, colours: dict[str, str]) -> str:
        """The app's own CSS rules (scoped under ``app_class``), with the palette at hand."""
        return ""

    # -- chrome ----------------------------------------------------------------------------------------------
    def safe(self, function: Callable) -> Callable:
        return safe_callback(lambda messages, exc: self.report_error(exc), lambda: self.lang)(function)

    _safe = safe

    def report_error(self, exc: BaseException) -> None:
        self.message.show(friendly_messages(exc, self.lang))

    def _build_chrome(self) -> None:
        self.add_class("casekit-app")
        if self.app_class:
            self.add_class(self.app_class)
        self.style_block = widgets.HTML()
        self.title = widgets.HTML()
        self.title.add_class("casekit-title")
        self.timer_slot = widgets.HTML()
        self.timer_slot.add_class("casekit-timer-slot")
        switches = self._build_switches(self.safe, privacy=self.privacy_switch) if self.show_switches else []
        self.header = widgets.HBox([self.title, self.saved, self.timer_slot, *switches])
        self.header.add_class("casekit-header")
        self.step_buttons: dict[str, widgets.Button] = {}
        for key in self.steps:
            button = widgets.Button()
            button.add_class("casekit-step-button")
            button.add_class(f"casekit-step-button-{key}")
            button.on_click(self.safe(lambda _b, key=key: self.go(key)))
            self.step_buttons[key] = button
        self.stepbar = widgets.HBox(list(self.step_buttons.values()))
        self.stepbar.add_class("casekit-stepbar")
        self.back_button = widgets.Button()
        self.back_button.add_class("casekit-back")
        self.back_button.on_click(self.safe(lambda _b: self.step_by(-1)))
        self.next_button = widgets.Button()
        self.next_button.add_class("casekit-next")
        self.next_button.on_click(self.safe(lambda _b: self.step_by(1)))
        self.step_heading = widgets.HTML()
        self.step_heading.add_class("casekit-step-heading")
        self.heading_row = widgets.HBox([self.back_button, self.step_heading, self.next_button])
        self.heading_row.add_class("casekit-heading-row")
        self.message = MessageLabel()
        self.message.add_class("casekit-app-message")
        parts = [self.style_block, self.header]
        if self.steps and self.show_navigation:
            parts += [self.stepbar, self.heading_row]
        elif self.steps:
            self.heading_row.children = [self.step_heading]
            parts.append(self.heading_row)
        self.chrome = widgets.VBox([*parts, *self.chrome_extras(), self.message])
        self.chrome.add_class("casekit-chrome")
        self.body = self._new_body(())
        self.children = [self.chrome, self.body]

    def chrome_extras(self) -> list[widgets.Widget]:
        """Widgets the app puts into the chrome under the heading (e.g. a conflict box)."""
        return []

    def _new_body(self, children: Iterable[widgets.Widget]) -> widgets.VBox:
        body = widgets.VBox(list(children))
        body.add_class("casekit-body")
        return body

    def show(self, *children: widgets.Widget) -> None:
        """Show a screen: a new body box (it opens at its top) holding ``children``."""
        current = list(self.body.children)
        if current == list(children):
            return
        self.body = self._new_body(children)
        self.children = [self.chrome, self.body]

    # -- steps -----------------------------------------------------------------------------------------------
    def go(self, key: str) -> bool:
        """Show step ``key``. Returns whether it is shown."""
        if key not in self.steps:
            self.message.show([gettext("conf.unknown_step", self.lang, step=str(key)[:40])])
            return False
        if not self.can_go(key):
            self.message.show([gettext("conf.choose_case_first", self.lang)], kind="warning")
            return False
        self.message.clear()  # the old step's message goes; what leaving it says (a failed save) stays
        self.leave_step()
        self.current_step = key
        self._render()
        return True

    def step_by(self, delta: int) -> bool:
        if not self.steps or self.current_step not in self.steps:
            return False
        index = self.steps.index(self.current_step) + delta
        if not 0 <= index < len(self.steps):
            return False
        return self.go(self.steps[index])

    def leave_step(self) -> None:
        """Called before another step is shown (save what waits)."""

    # -- drawing ---------------------------------------------------------------------------------------------
    def _render(self) -> None:
        self.render_chrome()
        try:
            self.render_step()
        except Exception as exc:  # noqa: BLE001 - the page must show something readable, never a traceback
            log.exception("showing %s failed", self.current_step)
            self.report_error(exc)

    def render_chrome(self) -> None:
        colours = theming.palette(self.theme)
        style = theming.css(self.theme, self.layout_name, self.extra_css(colours))
        if self.style_block.value != f"<style>{style}</style>":
            self.style_block.value = f"<style>{style}</style>"
        for cls in ("casekit-theme-dark", "casekit-theme-light", "casekit-layout-16x9", "casekit-layout-4x3"):
            if cls in self._dom_classes:
                self.remove_class(cls)
        self.add_class(f"casekit-theme-{self.theme}")
        self.add_class(theming.layout_class(self.layout_name))
        self._mark_language()
        title = self.title_text()
        self.title.value = f"<span class='casekit-title'>{esc(title)}</span>"
        if self.show_switches and self.privacy_switch:
            self.privacy_toggle.description = gettext("conf.privacy", self.lang)
            self.privacy_toggle.tooltip = gettext("conf.privacy_help", self.lang)
        if not self.steps:
            return
        for number, key in enumerate(self.steps, start=1):
            button = self.step_buttons[key]
            with button.hold_sync():
                button.description = f"{number} {self.step_title(key, short=True)}"
                button.tooltip = self.step_title(key)
                current = key == self.current_step
                button.button_style = "primary" if current else ""
                (button.add_class if current else button.remove_class)("casekit-current")
                button.disabled = not self.can_go(key)
        index = self.steps.index(self.current_step)
        self.back_button.description = "← " + gettext("ui.back", self.lang)
        self.next_button.description = gettext("ui.next", self.lang) + " →"
        self.back_button.disabled = index == 0
        self.next_button.disabled = index == len(self.steps) - 1 or not self.can_go(self.steps[index + 1])
        self.step_heading.value = (
            f"<div class='casekit-step-title' role='heading' aria-level='1'>"
            f"<span class='casekit-step-number'>{index + 1} / {len(self.steps)}</span>"
            f"<span class='casekit-step-name'>{esc(self.step_title(self.current_step))}</span></div>")

    def chart_width(self, span: str = "pane") -> int:
        return theming.chart_width(self.layout_name, span)

    # -- switches (Switches calls these) ---------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        from ...errors import CaseKitError

        toggle = getattr(self, "language_toggle", None)
        if lang not in ("cs", "en"):
            if toggle is not None:
                toggle.value = self.lang
            raise CaseKitError("conf.error_value_refused")
        if lang == self.lang:
            return
        self.leave_step()
        self.lang = lang
        if toggle is not None and toggle.value != lang:
            toggle.value = lang
        self.message.clear()
        self.rebuild()

    def rebuild(self) -> None:
        """Forget the built screens (labels, privacy) and draw the current step again."""
        self.leave_step()
        self._views = {}
        self._render()

"""The header switches the three apps share: language, privacy (optional), theme and layout.

Each is a toggle that refuses, in Python, a value outside its options (a hand-written client may send one) and
says so in the app's message; a change goes through the app's guarded callback to ``set_language``,
``set_privacy``, ``set_theme`` or ``set_layout``. :class:`Switches` is mixed into an app that has ``lang``,
``theme``, ``layout_name``, ``privacy``, ``message`` (a MessageLabel), ``_render()``, ``rebuild()`` and
``set_language``.

:class:`LazyViews` builds an app's views the first time they are shown: ``view_classes`` maps a key to the
module (in the app's package) and class of its view, so a view's imports are paid only when it is needed.
"""
from __future__ import annotations

import importlib
from typing import Callable

import ipywidgets as widgets

from ..errors import CaseKitError
from ..i18n import gettext
from .common import GuardedToggleButtons

#: the interface languages as the switch shows them (short, to leave the header room; the tooltip names each in
#: its own language)
LANGUAGE_OPTIONS = [("CS", "cs"), ("EN", "en")]
LANGUAGE_NAMES = ["Čeština", "English"]
THEMES = ("dark", "light")
LAYOUTS = ("16:9", "4:3")


class Switches:
    """Builds the header switches and sets theme and layout. ``views_follow_layout``: the views are built again
    when the layout changes (their panes or charts depend on it)."""

    views_follow_layout = False

    def _build_switches(self, guard: Callable, *, privacy: bool = True, css: str = "") -> list[widgets.Widget]:
        """The switches in header order; ``guard`` wraps a callback so that nothing escapes it; ``css``: a
        prefix for an extra class per switch (``<css>-language`` …)."""
        self.language_toggle = GuardedToggleButtons(options=LANGUAGE_OPTIONS, value=self.lang,
                                                    tooltips=LANGUAGE_NAMES)
        self.theme_toggle = GuardedToggleButtons(options=[("☾", "dark"), ("☀", "light")], value=self.theme)
        self.layout_toggle = GuardedToggleButtons(options=[(name, name) for name in LAYOUTS], value=self.layout_name)
        switches = [("language", self.language_toggle, self.set_language)]
        if privacy:
            self.privacy_toggle = widgets.ToggleButton(value=self.privacy)
            switches.append(("privacy", self.privacy_toggle, self.set_privacy))
        switches += [("theme", self.theme_toggle, self.set_theme), ("layout", self.layout_toggle, self.set_layout)]
        self._mark_language()
        switches[0] = ("language", self.language_toggle, self._set_language_and_mark)
        for name, toggle, setter in switches:
            toggle.add_class(f"casekit-{name}")
            if css:
                toggle.add_class(f"{css}-{name}")
            if hasattr(toggle, "on_refused"):
                toggle.on_refused = lambda value: self.message.show([gettext("conf.error_value_refused", self.lang)])
            toggle.observe(guard(lambda change, setter=setter: setter(change["new"])), names="value")
        return [toggle for _name, toggle, _setter in switches]

    def report_refused_update(self) -> None:
        """A widget update from the browser was refused (see :mod:`casekit.widgets.refusals`): say so, briefly."""
        self.message.show([gettext("conf.error_value_refused", self.lang)])

    def _set_language_and_mark(self, lang) -> None:
        self.set_language(lang)
        self._mark_language()

    def _mark_language(self) -> None:
        """The app's root carries ``casekit-lang-<lang>``: the page's own script (a lost connection) speaks it."""
        marks = [c for c in self._dom_classes if c.startswith("casekit-lang-")]
        if marks != [f"casekit-lang-{self.lang}"]:
            for mark in marks:
                self.remove_class(mark)
            self.add_class(f"casekit-lang-{self.lang}")

    def set_privacy(self, on) -> None:
        """Names and private details masked (``True``) or shown; the views are built again (``rebuild``)."""
        on = bool(on)
        if on == self.privacy:
            return
        self.privacy = on
        if self.privacy_toggle.value != on:
            self.privacy_toggle.value = on
        self.rebuild()

    def set_theme(self, name) -> None:
        if name not in THEMES:
            self.theme_toggle.value = self.theme
            raise CaseKitError("conf.error_value_refused")
        self.theme = name
        self._render()

    def set_layout(self, name) -> None:
        if name not in LAYOUTS:
            self.layout_toggle.value = self.layout_name
            raise CaseKitError("conf.error_value_refused")
        if name == self.layout_name:
            return
        self.layout_name = name
        if self.views_follow_layout:
            self._views = {}
        self._render()


class LazyViews:
    """``view(key)`` builds the view the first time; ``unknown_view``: the message key and its parameter for a
    key that is not one of ``view_classes``."""

    view_classes: dict[str, tuple[str, str]] = {}
    unknown_view: tuple[str, str] = ("conf.unknown_step", "step")

    def view(self, key: str):
        """The view ``key`` (built now if it was not yet)."""
        if key not in self.view_classes:
            message, parameter = self.unknown_view
            raise CaseKitError(message, **{parameter: str(key)[:40]})
        if key not in self._views:
            module_name, class_name = self.view_classes[key]
            package = type(self).__module__.rpartition(".")[0]
            module = importlib.import_module(f"{package}.{module_name}")
            self._views[key] = getattr(module, class_name)(self)
        return self._views[key]

    @property
    def built_views(self) -> tuple[str, ...]:
        return tuple(self._views)


__all__ = ["LANGUAGE_OPTIONS", "LAYOUTS", "LazyViews", "Switches", "THEMES"]

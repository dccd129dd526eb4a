"""The supervision app: header, view bar, current view; views built lazily.

``SupervisionApp`` is an ``ipywidgets.VBox``: display it. ``SupervisionApp.from_environment()`` opens the
store named by ``CASEKIT_DB``, speaks ``CASEKIT_LANG``, looks like ``CASEKIT_THEME`` (dark|light) and
``CASEKIT_LAYOUT`` (16:9|4:3) and writes exports to ``CASEKIT_EXPORT_DIR``. A store that cannot be opened
gives an app that says why, never a traceback.

Layout: one header row (the app's title, the "saved" indicator, language, privacy, theme and layout
toggles), one row of view buttons (Caseload, Case summary, Supervision session, Gap analysis), a message
line, then the current view. Every view is reachable directly; it is built the first time it is shown.

Startup stays light: this module imports ipywidgets and casekit's models only. The dashboard imports pandas
(through :mod:`casekit.caseload`) when it is first shown; altair is imported only by the views with charts
(case summary, gap analysis), when they are shown.

Every callback is guarded (:func:`casekit.widgets.common.safe_callback`): a failure is logged on
``casekit.app`` and the room sees one short sentence. Values from the browser are checked in Python: the
toggles, filters and pickers refuse values outside their options; records are validated by the model
before they are saved.
"""
from __future__ import annotations

import os
from datetime import date
from typing import Callable

import ipywidgets as widgets

from ...errors import CaseKitError
from ..common import (
    MessageLabel, SavedIndicator, esc, friendly_messages, log, resend_later, safe_callback,
    store_from_environment,
)
from ..refusals import watch_app_kernel
from ..switches import LazyViews, Switches
from . import theme as theming
from .i18n import VIEW_KEYS, language, t, view_title
from .privacy import client_label, worker_labels

_VIEW_CLASSES = {
    "dashboard": ("dashboard", "DashboardView"),
    "case": ("summary", "CaseSummaryView"),
    "session": ("session_form", "SessionView"),
    "gaps": ("gaps_view", "GapsView"),
}


class SupervisionApp(Switches, LazyViews, widgets.VBox):
    """Supervision on a projector: the caseload, a case, the session, the gaps (see the module docs).

    Handles for tests: ``view_keys``, ``current_view``, ``go(key)``, ``view(key)`` (built on demand),
    ``view_buttons[key]``, ``language_toggle``, ``privacy_toggle``, ``theme_toggle``, ``layout_toggle``,
    ``message``, ``saved`` (the indicator), ``case_id`` (the case of the summary), ``session_id`` (the
    supervision session being recorded), ``board()`` (the caseload dashboard data), ``open_case(case_id)``.
    """

    views_follow_layout = True  # charts are drawn for the layout's widths
    view_classes = _VIEW_CLASSES
    unknown_view = ("sv.unknown_view", "view")
    view_keys = VIEW_KEYS

    def __init__(self, store=None, *, lang: str | None = None, theme: str = "dark", layout: str = "16:9",
                 privacy: bool = False, export_dir: str | os.PathLike | None = None, as_of: date | None = None,
                 view: str = "dashboard", store_error: CaseKitError | None = None, supervisor: str | None = None):
        super().__init__()
        self.store = store
        self.lang = language(lang or os.environ.get("CASEKIT_LANG"))
        self.privacy = bool(privacy)
        self.theme = theme if theme in theming.THEMES else "dark"
        self.layout_name = layout if layout in theming.LAYOUTS else "16:9"
        self.export_dir = export_dir
        self.as_of = as_of
        self.supervisor = supervisor
        self.case_id: str | None = None
        self.session_id: str | None = None
        self.current_view = view if view in VIEW_KEYS else "dashboard"
        self._views: dict[str, widgets.Widget] = {}
        self._board = None
        self._numbers: dict[str, int] | None = None
        self.saved = SavedIndicator()
        self._build_chrome()
        if store is None:
            self.message.show(friendly_messages(store_error, self.lang) if store_error else
                              [t("sv.no_store", self.lang)])
        try:
            self._render()
        except Exception as exc:  # noqa: BLE001 - the page must show something readable, never a traceback
            log.exception("the supervision app could not show its first view")
            self.report_error(exc)

    # -- construction ----------------------------------------------------------------------------------------
    @classmethod
    def from_environment(cls, **kwargs) -> "SupervisionApp":
        """The app for ``apps/supervision.ipynb``: ``CASEKIT_DB``, ``CASEKIT_LANG``, ``CASEKIT_THEME``,
        ``CASEKIT_LAYOUT``, ``CASEKIT_EXPORT_DIR``. A store that cannot be opened gives an app showing why."""
        store, error = store_from_environment("sv.no_store")
        kwargs.setdefault("theme", os.environ.get("CASEKIT_THEME", "dark"))
        kwargs.setdefault("layout", os.environ.get("CASEKIT_LAYOUT", "16:9"))
        kwargs.setdefault("export_dir", os.environ.get("CASEKIT_EXPORT_DIR") or None)
        app = cls(store, store_error=error, **kwargs)
        watch_app_kernel(app.report_refused_update)
        return app

    def safe(self, function: Callable) -> Callable:
        """``function`` as a callback that never raises: failures are logged and shown in one sentence."""
        return safe_callback(lambda messages, exc: self.report_error(exc), lambda: self.lang)(function)

    def report_error(self, exc: BaseException) -> None:
        self.message.show(friendly_messages(exc, self.lang))

    def _build_chrome(self) -> None:
        self.add_class("casekit-app")
        self.add_class("casekit-sv-app")
        self.style_block = widgets.HTML()
        self.title = widgets.HTML()
        self.title.add_class("casekit-title")
        self.header = widgets.HBox([self.title, self.saved, *self._build_switches(self.safe, css="casekit-sv")])
        self.header.add_class("casekit-header")
        self.view_buttons: dict[str, widgets.Button] = {}
        for key in VIEW_KEYS:
            button = widgets.Button()
            button.add_class("casekit-button")
            button.add_class("casekit-sv-view-button")
            button.add_class(f"casekit-sv-view-button-{key}")
            button.on_click(self.safe(lambda _b, key=key: self.go(key)))
            self.view_buttons[key] = button
        self.viewbar = widgets.HBox(list(self.view_buttons.values()))
        self.viewbar.add_class("casekit-sv-viewbar")
        self.message = MessageLabel()
        self.message.add_class("casekit-app-message")
        self.message.add_class("casekit-sv-message")
        self.body = widgets.VBox()
        self.body.add_class("casekit-body")
        self.children = [self.style_block, self.header, self.viewbar, self.message, self.body]

    # -- data shared by the views ----------------------------------------------------------------------------
    def board(self):
        """The caseload dashboard of the store on ``as_of`` (default: today), computed once and kept."""
        if self._board is None:
            if self.store is None:
                raise CaseKitError("sv.no_store")
            from ...caseload import caseload

            self._board = caseload(self.store, as_of=self.as_of)
        return self._board

    def forget_data(self) -> None:
        """Read the store again next time (after a session was saved, or on request)."""
        self._board = None
        self._numbers = None

    def case_numbers(self) -> dict[str, int]:
        """``{case_id: number}``: the cases numbered 1, 2, … in the caseload's order (privacy labels)."""
        if self._numbers is None:
            ids = [str(c) for c in self.board().cases["case_id"].astype(object)]
            self._numbers = {case_id: n for n, case_id in enumerate(ids, start=1)}
        return self._numbers

    def client_label(self, case_id: str, display_name: str) -> str:
        number = self.case_numbers().get(case_id, 0)
        return client_label(number, display_name, self.privacy, self.lang)

    def worker_labels(self, workers=None) -> dict[str, str]:
        if workers is None:
            workers = [str(w) for w in self.board().workers["worker"].astype(object)]
        return worker_labels(workers, self.privacy)

    def chart_width(self, span: str = "pane") -> int:
        return theming.chart_width(self.layout_name, span)

    # -- views -----------------------------------------------------------------------------------------------
    def go(self, key: str) -> bool:
        """Show view ``key``. Returns success."""
        if key not in VIEW_KEYS:
            self.message.show([t("sv.unknown_view", self.lang, view=str(key)[:40])])
            return False
        self.message.clear()
        self.current_view = key
        self._render()
        return True

    def open_case(self, case_id: str, *, go: bool = True) -> None:
        """Choose the case of the summary (a case of the store) and, with ``go``, show the summary."""
        if self.store is None:
            raise CaseKitError("sv.no_store")
        if not isinstance(case_id, str) or not self.store.exists(case_id):
            raise CaseKitError("sv.unknown_case")
        self.case_id = case_id
        summary = self._views.get("case")
        if summary is not None:
            summary.show_case()
        if go:
            self.go("case")

    def rebuild(self) -> None:
        """Forget the built views (labels, privacy) and show the current view again."""
        self._views = {}
        self._render()

    # -- switches --------------------------------------------------------------------------------------------
    def set_language(self, lang) -> None:
        if lang not in ("cs", "en"):
            self.language_toggle.value = self.lang
            raise CaseKitError("conf.error_value_refused")
        if lang == self.lang:
            return
        self.lang = lang
        if self.language_toggle.value != lang:
            self.language_toggle.value = lang
        self.message.clear()
        self.rebuild()

    # -- drawing ---------------------------------------------------------------------------------------------
    def _render(self) -> None:
        lang = self.lang
        self.style_block.value = f"<style>{theming.css(self.theme, self.layout_name)}</style>"
        for cls in ("casekit-theme-dark", "casekit-theme-light", "casekit-layout-16x9", "casekit-layout-4x3"):
            self.remove_class(cls)
        self.add_class(f"casekit-theme-{self.theme}")
        self.add_class(theming.layout_class(self.layout_name))
        title = t("sv.app_title", lang)
        self.title.value = f"<span class='casekit-title' title='{esc(title)}'>{esc(title)}</span>"
        self.privacy_toggle.description = t("conf.privacy", lang)
        self.privacy_toggle.tooltip = t("conf.privacy_help", lang)
        for key, button in self.view_buttons.items():
            button.description = view_title(key, lang)
            button.tooltip = view_title(key, lang)
            current = key == self.current_view
            button.button_style = "primary" if current else ""
            (button.add_class if current else button.remove_class)("casekit-current")
        if self.store is None:
            self.body.children = []
            return
        view = self.view(self.current_view)
        self.body.children = [view]
        resend_later(self.body, "children")  # a lost update must not leave the old step shown
        try:
            view.on_show()
        except Exception as exc:  # noqa: BLE001 - a view that cannot refresh still shows what it has
            log.exception("view %s could not be shown", self.current_view)
            self.report_error(exc)

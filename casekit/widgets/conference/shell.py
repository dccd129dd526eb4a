"""The conference app: header, step bar, current step, conflict banner; steps built lazily.

``ConferenceApp`` is an ``ipywidgets.VBox``: display it. ``ConferenceApp.from_environment()`` opens the
store named by ``CASEKIT_DB``, speaks ``CASEKIT_LANG`` and opens the case ``CASEKIT_CASE`` (and conference
``CASEKIT_CONFERENCE``, else the case's latest) when set — so reloading the page (a new kernel) comes back
to the same case and conference. Without ``CASEKIT_CASE`` the app starts at the Start step.

Startup stays light: this module imports ipywidgets and casekit's models only; a step's view (and with it
the instruments) is built the first time the step is shown, charts (plain SVG, :mod:`casekit.charts.svg`: no
pandas, altair or vl-convert in the app) are rendered only when their step is shown.
"""
from __future__ import annotations

import os
from datetime import date
from typing import Callable

import ipywidgets as widgets

from ...errors import CaseKitError, ConflictError
from ...model import CaseConference
from ..common import MessageLabel, esc, friendly_messages, log, safe_callback, store_from_environment
from ..refusals import watch_app_kernel
from ..switches import LazyViews, Switches
from . import theme as theming
from .i18n import STEP_KEYS, fmt_date, language, step_title, t
from .session import Session

_VIEW_CLASSES = {
    "start": ("start", "StartView"),
    "opening": ("opening", "OpeningView"),
    "story": ("story", "StoryView"),
    "assessment": ("assessment", "AssessmentView"),
    "network": ("network", "NetworkView"),
    "plan": ("plan", "PlanView"),
    "review": ("review", "ReviewView"),
    "close": ("close", "CloseView"),
}


class ConferenceApp(Switches, LazyViews, widgets.VBox):
    """A guided, projector-ready case conference: from finding the case to the minutes.

    Handles for tests: ``step_keys``, ``current_step``, ``go(key)``, ``view(key)`` (the step's view, built
    on demand), ``step_buttons[key]``, ``language_toggle``, ``privacy_toggle``, ``theme_toggle``,
    ``layout_toggle``, ``message``, ``conflict_message``, ``reload_button``, ``saved`` (the indicator).
    """

    step_keys = STEP_KEYS
    view_classes = _VIEW_CLASSES

    def __init__(self, store=None, *, lang: str | None = None, case_id: str | None = None,
                 conference_id: str | None = None, theme: str = "dark", layout: str = "16:9",
                 privacy: bool = False, export_dir: str | os.PathLike | None = None,
                 clock: Callable | None = None, store_error: CaseKitError | None = None):
        super().__init__()
        self.lang = language(lang or os.environ.get("CASEKIT_LANG"))
        self.privacy = bool(privacy)
        self.theme = theme if theme in theming.THEMES else "dark"
        self.layout_name = layout if layout in theming.LAYOUTS else "16:9"
        self.export_dir = export_dir
        self.session = Session(store, lang=self.lang, **({"clock": clock} if clock else {}))
        self.session.on_conflict.append(self.show_conflict)
        self.session.on_error.append(self.report_error)
        self.current_step = "start"
        self._views: dict[str, widgets.Widget] = {}
        self._build_chrome()
        if store is None:
            self.message.show(friendly_messages(store_error, self.lang) if store_error else
                              [t("conf.no_store", self.lang)])
        elif case_id:
            self._open_initial(case_id, conference_id)
        try:
            self._render()
        except Exception as exc:  # noqa: BLE001 - the page must show something readable, never a traceback
            log.exception("the conference app could not show its first step")
            self.current_step = "start"
            self.report_error(exc)

    # -- construction ----------------------------------------------------------------------------------------
    @classmethod
    def from_environment(cls, **kwargs) -> "ConferenceApp":
        """The app for ``apps/conference.ipynb``: ``CASEKIT_DB``, ``CASEKIT_LANG``, ``CASEKIT_CASE``,
        ``CASEKIT_CONFERENCE``, ``CASEKIT_EXPORT_DIR``, ``CASEKIT_THEME`` (dark|light), ``CASEKIT_LAYOUT``
        (16:9|4:3). A store that cannot be opened gives an app showing why (never a traceback)."""
        store, error = store_from_environment("conf.no_store")
        kwargs.setdefault("case_id", os.environ.get("CASEKIT_CASE") or None)
        kwargs.setdefault("conference_id", os.environ.get("CASEKIT_CONFERENCE") or None)
        kwargs.setdefault("theme", os.environ.get("CASEKIT_THEME", "dark"))
        kwargs.setdefault("layout", os.environ.get("CASEKIT_LAYOUT", "16:9"))
        app = cls(store, store_error=error, **kwargs)
        watch_app_kernel(app.report_refused_update)
        return app

    def _safe(self, function):
        return safe_callback(lambda messages, exc: self.report_error(exc), lambda: self.lang)(function)

    def _build_chrome(self) -> None:
        self.add_class("casekit-app")
        self.style_block = widgets.HTML()
        self.title = widgets.HTML()
        self.title.add_class("casekit-title")
        self.saved = self.session.indicator
        self.header = widgets.HBox([self.title, self.saved, *self._build_switches(self._safe)])
        self.header.add_class("casekit-header")
        self.step_buttons: dict[str, widgets.Button] = {}
        for key in STEP_KEYS:
            button = widgets.Button()
            button.add_class("casekit-step-button")
            button.add_class(f"casekit-step-button-{key}")
            button.on_click(self._safe(lambda _b, key=key: self.go(key)))
            self.step_buttons[key] = button
        self.stepbar = widgets.HBox(list(self.step_buttons.values()))
        self.stepbar.add_class("casekit-stepbar")
        self.step_heading = widgets.HTML()
        self.step_heading.add_class("casekit-step-heading")
        self.message = MessageLabel()
        self.message.add_class("casekit-app-message")
        self.conflict_message = MessageLabel()
        self.reload_button = widgets.Button()
        self.reload_button.add_class("casekit-reload")
        self.reload_button.add_class("casekit-button")
        self.reload_button.on_click(self._safe(lambda _b: self.reload()))
        self.conflict_box = widgets.VBox([self.conflict_message, self.reload_button])
        self.conflict_box.add_class("casekit-conflict")
        self.conflict_box.layout.display = "none"
        self.body = widgets.VBox()
        self.body.add_class("casekit-body")
        self.children = [self.style_block, self.header, self.stepbar, self.step_heading, self.message,
                         self.conflict_box, self.body]

    def _open_initial(self, case_id: str, conference_id: str | None) -> None:
        try:
            case = self.session.open(case_id)
        except CaseKitError as exc:
            self.message.show(friendly_messages(exc, self.lang))
            return
        chosen = conference_id if any(c.id == conference_id for c in case.conferences) else None
        if chosen is None and case.conferences:
            chosen = max(case.conferences, key=lambda c: (c.date, c.id)).id
        self.session.choose_conference(chosen)
        if chosen is not None:
            self.current_step = "opening"

    # -- reading ---------------------------------------------------------------------------------------------
    @property
    def case(self):
        """The case as last saved (with its version)."""
        return self.session.case

    @property
    def conference(self):
        return self.session.conference

    @property
    def store(self):
        return self.session.store

    def chart_width(self, span: str = "pane") -> int:
        """The width (pixels) a chart is drawn for in the current layout: ``"full"`` (the whole step),
        ``"pane"`` (one of two panes side by side in 16:9) or ``"wide"`` (the wider pane of Assessment)."""
        return theming.chart_width(self.layout_name, span)

    # -- charts ahead of time --------------------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs):
        """Displayed: once the page is up, draw the open conference's charts ahead in the background (:mod:`.warmup`)."""
        try:
            from . import warmup

            warmup.schedule(self)
        except Exception:  # noqa: BLE001 - warming up is a nicety, never a reason to fail the page
            log.exception("could not schedule the chart warm-up")
        return super()._repr_mimebundle_(**kwargs)

    def prepare_charts(self) -> None:
        """Draw into the chart cache the charts the open conference is likely to show next (the ecomap, the
        GAS trajectory). Called by the warm-up thread: it only reads the case and touches no widget."""
        case, conference = self.session.current, self.session.conference
        if case is None or conference is None:
            return
        from .visuals import ecomap_html, gas_html

        dark, lang = self.theme == "dark", self.lang
        ecomap_html(case, conference.date, lang=lang, dark=dark, privacy=self.privacy,
                    width=self.chart_width("full"))
        gas_html(case, lang=lang, dark=dark, width=self.chart_width("full"))

    # -- navigation ------------------------------------------------------------------------------------------
    def go(self, key: str) -> bool:
        """Show step ``key``; the steps after Start need an open case and conference. Returns success."""
        if key not in STEP_KEYS:
            self.message.show([t("conf.unknown_step", self.lang, step=str(key)[:40])])
            return False
        if key != "start" and (self.session.case is None or self.session.conference is None):
            self.message.show([t("conf.choose_case_first", self.lang)], kind="warning")
            return False
        self._flush()
        self.message.clear()
        built = self._views.get(key)
        if built is not None and getattr(built, "built_version", None) != self._version():
            del self._views[key]  # the case changed since the view was built (other steps): build it afresh
        self.current_step = key
        self._render()
        return True

    def _version(self):
        case = self.session.case
        return None if case is None else (case.id, case.version, self.session.conference_id)

    def _flush(self) -> None:
        try:
            self.session.flush()
        except Exception as exc:  # noqa: BLE001
            self.report_error(exc)
            for view in self._views.values():
                view.refresh()

    def _render(self) -> None:
        lang = self.lang
        self.style_block.value = f"<style>{theming.css(self.theme, self.layout_name)}</style>"
        for cls in ("casekit-theme-dark", "casekit-theme-light", "casekit-layout-16x9", "casekit-layout-4x3"):
            self.remove_class(cls)
        self.add_class(f"casekit-theme-{self.theme}")
        self.add_class(theming.layout_class(self.layout_name))
        self._render_title()
        case = self.session.case
        self.privacy_toggle.description = t("conf.privacy", lang)
        self.privacy_toggle.tooltip = t("conf.privacy_help", lang)
        self.reload_button.description = t("conf.reload_case", lang)
        ready = case is not None and self.session.conference is not None
        for number, key in enumerate(STEP_KEYS, start=1):
            button = self.step_buttons[key]
            button.description = f"{number} {step_title(key, lang)}"
            button.tooltip = step_title(key, lang)
            current = key == self.current_step
            button.button_style = "primary" if current else ""
            (button.add_class if current else button.remove_class)("casekit-current")
            button.disabled = not ready and key != "start"  # a hint only: go() checks again
        number = STEP_KEYS.index(self.current_step) + 1
        self.step_heading.value = (
            f"<div class='casekit-step-title' role='heading' aria-level='1'>"
            f"<span class='casekit-step-number'>{number} / {len(STEP_KEYS)}</span>"
            f"<span class='casekit-step-name'>{esc(step_title(self.current_step, lang))}</span></div>")
        if self.session.store is None:
            self.body.children = []
            return
        view = self.view(self.current_step)
        self.body.children = [view]
        try:
            view.on_show()
        except Exception as exc:  # noqa: BLE001
            log.exception("showing %s failed", self.current_step)
            self.report_error(exc)

    def _render_title(self) -> None:
        case, lang = self.session.current, self.lang
        if case is None:
            title = t("conf.app_title", lang)
        else:
            conference = self.session.conference
            when = "" if conference is None else f" · {fmt_date(conference.date, lang)}"
            # the room reads the case and the date; the app's name is in the tooltip (and the page's title)
            title = f"{case.client.display_name}{when}"
        self.title.value = (f"<span class='casekit-title' title='{esc(t('conf.app_title', lang))}: {esc(title)}'>"
                            f"{esc(title)}</span>")

    def rebuild(self) -> None:
        """Forget the built views (labels, privacy) and show the current step again."""
        self._flush()
        self._views = {}
        self._render()

    # -- case and conference ---------------------------------------------------------------------------------
    def open_case(self, case_id: str) -> None:
        self.session.open(case_id)
        self.session.choose_conference(None)
        self.hide_conflict()
        self._views = {k: v for k, v in self._views.items() if k == "start"}
        self._render()

    def open_conference(self, conference_id: str, *, go: str | None = "opening") -> None:
        self.session.choose_conference(conference_id)
        self._views = {k: v for k, v in self._views.items() if k == "start"}
        if go:
            self.go(go)
        else:
            self._render()

    def new_conference(self, on: date | None = None) -> str:
        """Add a conference dated today (in the meeting's language) to the open case and save it."""
        conference = CaseConference(date=on or date.today(), language=self.lang)
        self.session.change(lambda data: data["conferences"].append(conference.model_dump()))
        return conference.id

    # -- switches --------------------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        if lang not in ("cs", "en"):
            self.language_toggle.value = self.lang
            raise CaseKitError("conf.error_value_refused")
        if lang == self.lang:
            return
        self._flush()
        self.lang = self.session.lang = lang
        if self.language_toggle.value != lang:
            self.language_toggle.value = lang
        self.message.clear()
        if self.session.conflict is not None:
            self.show_conflict(self.session.conflict)
        self.rebuild()

    # -- errors and conflicts --------------------------------------------------------------------------------
    def report_error(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            self.show_conflict(exc)
            return
        self.message.show(friendly_messages(exc, self.lang))

    def show_conflict(self, exc: ConflictError) -> None:
        self.conflict_message.show([*exc.messages(self.lang), t("conf.conflict_hint", self.lang)])
        self.reload_button.description = t("conf.reload_case", self.lang)
        self.conflict_box.layout.display = None

    def hide_conflict(self) -> None:
        self.conflict_message.clear()
        self.conflict_box.layout.display = "none"

    def reload(self) -> None:
        """Read the case again from the store (after a conflict); unsaved changes are dropped."""
        self.session.reload()
        self.hide_conflict()
        self.message.show([t("conf.reloaded", self.lang)], kind="ok")
        self._views = {k: v for k, v in self._views.items() if k == "start"}
        if self.current_step != "start" and self.session.conference is None:
            self.current_step = "start"
        self._render()
